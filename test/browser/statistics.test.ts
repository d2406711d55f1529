/**
 * 就业统计 in the browser (docs/architecture.md, 就业统计): a school reviewer opens 就业统计 from the
 * header, reads the numbers the API counts for its school, switches 统计维度 to 性别, and finds the
 * same view after a refresh; on a phone the table scrolls inside its box, not the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiUser, approvedStudent } from './api-setup';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

const fresh = freshIdentities('statistics');

interface Row {
  label: string;
  graduates: number;
  signed: number;
  registered: number;
  placed: number;
}

describe('就业统计: a school reviewer', () => {
  it('opens it from the header, switches 统计维度 to 性别, and keeps the view on refresh', async () => {
    // a graduate of the school registered 待就业 and approved, so the school has a registration to count
    const { student } = await approvedStudent(s.baseUrl, fresh.idNumber(), fresh.mobile(), '夏知远');
    const created = await student.call('POST', '/api/destinations', { data: { destination: '70', notEmployedReason: '正在求职' } });
    let view = created;
    for (const reviewer of ['college', 'school']) {
      const r = await ApiUser.signIn(s.baseUrl, reviewer);
      view = await r.call('POST', `/api/destinations/${view.id}/approve`, { version: view.version });
    }
    expect(view.state).toBe('registered');

    const page = s.page;
    await login(s, 'school');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '就业统计' }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: '就业统计', level: 1 }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/statistics');

    // the totals row says what the API counts for the school's graduating cohort
    const school = await ApiUser.signIn(s.baseUrl, 'school');
    const byCollege = await school.call<{ total: Row; cohort: number }>('GET', '/api/statistics');
    const totals = page.locator('.statistics-table tfoot tr');
    await expect
      .poll(() => totals.locator('th, td').allTextContents())
      .toEqual(expect.arrayContaining(['合计', String(byCollege.total.graduates), String(byCollege.total.registered)]));
    expect(byCollege.total.registered).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('heading', { name: `江苏示范大学 · ${byCollege.cohort} 届` }).isVisible()).toBe(true);

    await page.getByLabel('统计维度').selectOption('gender');
    await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('gender');
    const byGender = await school.call<{ rows: Row[] }>('GET', '/api/statistics?by=gender');
    const male = byGender.rows.find((r) => r.label === '男')!;
    const maleRow = page.locator('.statistics-table tbody tr', { has: page.getByRole('rowheader', { name: '男', exact: true }) });
    await expect.poll(() => maleRow.locator('td').first().textContent()).toBe(String(male.graduates));
    expect(await page.getByRole('columnheader', { name: '性别' }).isVisible()).toBe(true);
    expect(
      await page
        .getByRole('figure', { name: /签约率与去向落实率/ })
        .getByText('男')
        .first()
        .isVisible(),
    ).toBe(true);

    await page.reload();
    await expect.poll(() => maleRow.locator('td').first().textContent()).toBe(String(male.graduates));
    expect(await page.getByLabel('统计维度').inputValue()).toBe('gender');

    // on a phone: nothing wider than the screen but the table's own scrolling box
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const wrap = page.locator('.statistics-table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });
});
