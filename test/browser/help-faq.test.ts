/**
 * 常见问题: the page is built from the guide's FAQ, and a screen where a question arises links to
 * its answer — here the employer's lookup that found nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';
import { signOut } from './helpers';

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

describe('常见问题, in the browser', () => {
  it('a lookup that finds nobody links to 搜不到意向学生 on the FAQ, which opens at that question', async () => {
    const page = s.page;
    await login(s, 'employer');
    await page.goto(s.baseUrl + '/students/lookup');
    await page.locator('#lk-school').selectOption({ label: '江苏示范大学' });
    // 李思远 is of cohort 2027: asked for as 2030 he is not found
    await page.getByLabel('毕业届').fill('2030');
    await page.getByRole('textbox', { name: '身份证号' }).fill('320106200503151236');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByText('未找到符合条件的学生').first().isVisible()).toBe(true);

    await page.getByRole('link', { name: /搜不到意向学生是什么原因/ }).click();
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).hash).toBe('/help#student-not-found');
    const answer = page.locator('article#student-not-found');
    await expect.poll(() => answer.isVisible()).toBe(true);
    expect(await answer.getByRole('heading').textContent()).toContain('搜不到意向学生是什么原因？');
    expect(await answer.textContent()).toContain('省级通过');
    // the page opens at the question: marked, focused and scrolled into view
    expect(await answer.getAttribute('class')).toContain('is-current');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('student-not-found');
    await expect
      .poll(() =>
        answer.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.top < window.innerHeight;
        }),
      )
      .toBe(true);
    await signOut(s);
  });

  it("is public: signed out, the FAQ opens at an anchor and lists the guide's questions", async () => {
    const page = s.page;
    await page.goto(s.baseUrl + '/help#invitation-declined-or-expired');
    await expect.poll(() => page.getByRole('heading', { name: '常见问题', level: 1 }).isVisible()).toBe(true);
    for (const q of [
      '线上签约的流程是怎样的？',
      '线下签约的流程是怎样的？',
      '线下签约的解约流程是怎样的？',
      '协议书怎么打印、按什么顺序盖章？',
    ]) {
      expect(await page.getByRole('heading', { name: q }).count(), q).toBe(1);
    }
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('invitation-declined-or-expired');
  });
});
