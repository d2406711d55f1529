import { expect } from 'vitest';
import type { Session } from './browser';

export async function signOut(s: Session) {
  await s.page.getByRole('button', { name: '退出' }).click();
  await expect.poll(() => s.page.getByLabel('用户名').isVisible()).toBe(true);
}

/** Clicks a record action; actions with a confirmation text or a reason open a dialog first. */
export async function act(s: Session, label: string, { confirm = false, reason }: { confirm?: boolean; reason?: string } = {}) {
  const page = s.page;
  await page.getByRole('group', { name: '操作' }).getByRole('button', { name: label, exact: true }).click();
  if (!confirm && !reason) return;
  const dialog = page.getByRole('dialog');
  if (reason) await dialog.getByRole('textbox').fill(reason);
  await dialog.getByRole('button', { name: `确认${label}` }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

/** Picks a 6-digit region code in the province → city → district cascader of a field. */
export async function pickRegion(s: Session, fieldLabel: string, code: string) {
  const group = s.page.getByRole('group', { name: fieldLabel, exact: true });
  const levels = [code.slice(0, 2) + '0000', code.slice(0, 4) + '00', code];
  for (let i = 0; i < levels.length; i++) await group.locator('select').nth(i).selectOption(levels[i]!);
}

/** Fetches a path with the page's session cookie, as the browser's download would. */
export async function fetchAsPage(s: Session, path: string) {
  return s.page.evaluate(async (url) => {
    const res = await fetch(url);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      head: String.fromCharCode(...bytes.slice(0, 5)),
      size: bytes.length,
    };
  }, path);
}

export interface JobTerms {
  jobTitle: string;
  workRegion: string;
  monthlySalary: string;
  probationMonths: string;
  penalty: string;
  archiveUnitName: string;
  archiveAddress: string;
  archivePostcode: string;
}

/** The 岗位与待遇 and 档案与户口 sections, as the employer (online) or the student (offline) fills them. */
export async function fillJobTerms(s: Session, t: JobTerms) {
  const page = s.page;
  await page.getByLabel('工作职位类别').selectOption('13');
  await page.getByLabel('岗位名称').fill(t.jobTitle);
  await pickRegion(s, '工作地点', t.workRegion);
  await page.getByLabel('月薪').fill(t.monthlySalary);
  await page.getByRole('radio', { name: /缴纳/ }).first().check();
  await page.getByLabel('合同期限').fill('3');
  await page.getByLabel('试用期').fill(t.probationMonths);
  await page.getByLabel('违约金').fill(t.penalty);
  await page.getByLabel('档案处理方式').selectOption({ index: 1 });
  await page.getByLabel('档案转寄单位名称').fill(t.archiveUnitName);
  await page.getByLabel('档案转寄地址').fill(t.archiveAddress);
  await page.getByLabel('档案转寄邮编').fill(t.archivePostcode);
  await page.getByLabel('户口迁移方式').selectOption('stay');
}
