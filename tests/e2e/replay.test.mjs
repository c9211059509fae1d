// "If you had gone on…": a scam left early and safe offers, on its end card,
// the rest of the scam along its losing path, read-only, by keyboard too;
// closing it returns to the end card and the round goes on as scored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, phonePage, choose, submitSpot, axeViolations } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const focusedId = page => page.evaluate(() => document.activeElement?.id);

test('an early safe exit replays the losing path by keyboard and closes back to the end card', async () => {
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  await page.goto(server.url + '?scenario=ob-like-for-cash');
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await submitSpot(page, 'ad');
  await choose(page, 'ad-decide', 2);               // leaves right after the opening ad
  await page.locator('.end-card[data-outcome="safe"]').waitFor();

  await page.locator('#replay-open').focus();
  await page.keyboard.press('Enter');
  await page.locator('#replay').waitFor();
  assert.equal(await focusedId(page), 'replay-heading', 'focus moves to the replay');
  const replay = await page.locator('#replay').innerText();
  assert.match(replay, /组合任务单/, "the scam's later messages");
  assert.match(replay, /已经投了1000，再付3000把钱都拿回来/, "the learner's lines on the losing path");
  assert.equal(await page.locator('#replay .end-card').getAttribute('data-outcome'), 'scammed');
  assert.equal(await page.locator('#replay-savings').innerText(), '模拟存款会从 ¥5,000 变成 ¥1,098。');
  const balances = await page.locator('#replay .replay-balance').allInnerTexts();
  assert.deepEqual(balances, ['模拟存款：¥5,009', '模拟存款：¥4,711', '模拟存款：¥5,098', '模拟存款：¥4,098', '模拟存款：¥1,098'],
    'the money going, payment by payment');
  assert.equal(await page.locator('#replay .choice, #replay .phrase').count(), 0, 'read-only');
  assert.deepEqual(await axeViolations(page), []);

  await page.locator('#replay-close').focus();
  await page.keyboard.press('Enter');
  await page.locator('#replay').waitFor({ state: 'detached' });
  assert.equal(await focusedId(page), 'replay-open', 'focus returns to the button');
  assert.equal(await page.locator('#balance').innerText(), '¥5,000', 'the replay moves no money');

  await page.locator('#see-debrief').tap();
  assert.equal(await page.locator('#savings-change').innerText(), '模拟存款：¥5,000 → ¥5,000', 'the result is the exit taken');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a scam played to its losing end offers no replay', async () => {
  const { context, page, errors } = await phonePage(browser, 'en');
  await page.goto(server.url + '?scenario=ob-like-for-cash');
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await submitSpot(page, 'ad');
  await choose(page, 'ad-decide', 0);
  await choose(page, 'first-task', 0);
  await submitSpot(page, 'move-to-app');
  await choose(page, 'pay-or-not', 0);
  await choose(page, 'first-rebate', 0);
  await choose(page, 'combo-order', 0);
  await choose(page, 'stuck', 0);
  await page.locator('.end-card[data-outcome="scammed"]').waitFor();
  assert.equal(await page.locator('#replay-open').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
