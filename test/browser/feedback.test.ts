/**
 * Feedback where the user is looking: the result of an action shows beside the buttons that took it
 * (in view, however far the user scrolled), and a sent invitation reads as sent — its form opens
 * only when the employer chooses 修改邀约.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedStudent, draftInvitation } from './api-setup';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';

const people = freshIdentities('feedback');
let s: Session;
beforeAll(async () => {
  s = await openBrowser({ width: 375, height: 760 });
});
afterAll(async () => {
  await closeSession(s);
});

const inViewport = (selector: string) =>
  s.page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  }, selector);

describe('an employer sends an invitation from a phone', () => {
  it('sees 已发送 beside the buttons, in view, and the invitation then reads as sent until 修改邀约', async () => {
    const page = s.page;
    const { studentId } = await approvedStudent(s.baseUrl, people.idNumber(), people.mobile(), '欧阳晓岚');
    const draft = await draftInvitation(s.baseUrl, studentId);
    await login(s, 'employer');
    await page.goto(`${s.baseUrl}/r/invitations/${draft.id}`);
    await page.getByRole('group', { name: '操作' }).getByRole('button', { name: '发送邀约' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认发送邀约' }).click();

    const bar = page.getByRole('group', { name: '操作' });
    const notice = bar.getByRole('status');
    await expect.poll(() => notice.textContent()).toContain('已发送邀约');
    expect(await inViewport('.action-bar .result-notice .alert')).toBe(true);
    // nothing at the top of the page repeats it where the user is not looking
    expect(await page.locator('.record-head ~ [aria-live] .alert').count()).toBe(0);

    // sent: the terms read as text, no inputs; 修改邀约 opens them (step 2), 取消修改 closes them
    const inputs = page.locator('.record-main input:not([type=hidden]), .record-main select, .record-main textarea');
    const title = page.getByRole('textbox', { name: /岗位名称/ });
    /** the form may open on any step (it keeps the step in the address): forward until the job title shows */
    const toTerms = async () => {
      for (let i = 0; i < 3 && !(await title.isVisible()); i++) await page.getByRole('button', { name: '下一步' }).click();
    };
    // (read as sent: every section folded, with its summary line, and nothing to type into)
    await expect
      .poll(() =>
        page
          .getByText(/后端开发工程师/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await inputs.count()).toBe(0);
    await bar.getByRole('button', { name: '修改邀约' }).click();
    await toTerms();
    await expect.poll(() => title.isVisible()).toBe(true);
    await bar.getByRole('button', { name: '取消修改' }).click();
    await expect.poll(() => inputs.count()).toBe(0);

    // a change saved: the notice says so beside the buttons, and the record reads as sent again
    await bar.getByRole('button', { name: '修改邀约' }).click();
    await toTerms();
    await title.fill('高级后端开发工程师');
    await bar.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => notice.textContent()).toContain('已修改邀约');
    expect(await inViewport('.action-bar .result-notice .alert')).toBe(true);
    await expect.poll(() => inputs.count()).toBe(0);
    expect(await page.getByText('高级后端开发工程师').first().isVisible()).toBe(true);
  });
});
