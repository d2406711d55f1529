/**
 * The keystroke measure of the form benches (`bench/form-keystroke.ts`, `bench/peers-web.ts`): with
 * the caret in a text field, type `keystrokes` characters (a letter, then Backspace, alternately,
 * 60 ms apart) and time each from its `input` event to after the event's handlers and the
 * framework's synchronous re-render, with style and layout forced. The first five are warm-up.
 */
import type { Page } from 'playwright-core';

export async function timeKeystrokes(page: Page, keystrokes: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __keystrokes: number[] };
    w.__keystrokes = [];
    window.addEventListener(
      'input',
      () => {
        const start = performance.now();
        // after the event's handlers and React's synchronous re-render; then force style and layout
        setTimeout(() => {
          document.body.getBoundingClientRect();
          w.__keystrokes.push(performance.now() - start);
        }, 0);
      },
      true,
    );
  });
  for (let i = 0; i < keystrokes + 5; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : 'KeyA');
    await page.waitForTimeout(60);
  }
  return (await page.evaluate(() => (window as unknown as { __keystrokes: number[] }).__keystrokes)).slice(5);
}
