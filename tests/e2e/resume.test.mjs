// A reload, the browser's Back and the logo in the middle of a round: the
// round survives a reload exactly, Back and the logo ask before leaving it,
// and a scam left at once still names its red flags in the debrief.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, phonePage, choose, tapPhrase, submitSpot, axeViolations } from './helpers.mjs';

const LIKE_FOR_CASH = '?scenario=ob-like-for-cash';
let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const text = (page, sel) => page.locator(sel).first().innerText();

/** Opens like-for-cash in `locale`, starts it and rates 2; the scenario's first step is on screen. */
async function startRound(locale) {
  const opened = await phonePage(browser, locale);
  await opened.page.goto(server.url + LIKE_FOR_CASH);
  await opened.page.locator('#start').tap();
  await opened.page.locator('[data-level="2"]').tap();
  return opened;
}

test('a reload mid-round resumes the same round at the same step, balance, taps and rating', async () => {
  const { context, page, errors } = await startRound('zh-CN');
  await submitSpot(page, 'ad', ['名额有限']);
  await choose(page, 'ad-decide', 0);
  await choose(page, 'first-task', 0);               // +¥9
  await tapPhrase(page, 'move-to-app', '先垫付298元');
  await tapPhrase(page, 'move-to-app', 'http://rw-app.example/dl');
  const balance = await text(page, '#balance');
  assert.equal(new URL(page.url()).hash, '#/round');

  await page.reload();
  await page.locator('section.scenario[data-step="move-to-app"] .phrase').first().waitFor();
  assert.equal(await text(page, '#balance'), balance);
  assert.equal(await page.locator('.phrase[aria-pressed="true"]').count(), 2, 'the taps are kept');
  assert.equal(await page.locator('.phrase-review.found').count(), 1, 'the submitted ad keeps its review');
  await page.locator('#spot-done').tap();
  await choose(page, 'pay-or-not', 0);
  await choose(page, 'first-rebate', 0);
  await choose(page, 'combo-order', 0);
  await choose(page, 'stuck', 1);
  await page.locator('#see-debrief').tap();
  assert.equal(await page.locator('.flag.found').count(), 3, 'found before the reload, counted after it');
  await page.locator('#next').tap();
  await page.locator('[data-level="4"]').tap();
  assert.equal(await text(page, '#result-money'), '守住的模拟存款：¥4,098/¥5,000');
  assert.equal(await text(page, '#result-confidence'), '信心：练习前 2/5 → 练习后 4/5', 'the first rating survived');

  // A finished round is not resumed.
  await page.reload();
  await page.locator('#overall-progress').waitFor();
  assert.equal(await page.locator('section.scenario').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged saved round is dropped with a notice and the app plays', async () => {
  const { context, page, errors } = await phonePage(browser, 'en-US');
  await page.goto(server.url + LIKE_FOR_CASH);
  await page.evaluate(() => localStorage.setItem('scamspot.round', '{"version":1,"kind":'));
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'could not be resumed' }).waitFor();
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await submitSpot(page, 'ad');
  await choose(page, 'ad-decide', 2);
  await page.locator('.end-card').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('Back mid-round stays in the app and asks; Forward after leaving replays nothing', async () => {
  const { context, page, errors } = await startRound('en-US');
  const origin = new URL(page.url()).origin;
  await submitSpot(page, 'ad');
  await choose(page, 'ad-decide', 0);
  const balance = await text(page, '#balance');
  await page.evaluate(() => history.back());
  const dialog = page.getByRole('alertdialog', { name: 'Leave this round?' });
  await dialog.waitFor();
  assert.equal(new URL(page.url()).origin, origin);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'keep-playing', 'focus is in the dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await text(page, '#balance'), balance, 'nothing was rewound');
  await choose(page, 'first-task', 0);

  await page.evaluate(() => history.back());
  await dialog.waitFor();
  await page.locator('#leave-round').tap();
  await page.locator('#start').waitFor();
  await page.waitForFunction(() => location.hash === '');
  await page.evaluate(() => history.forward());
  await page.waitForTimeout(300);
  await page.waitForFunction(() => location.hash === '');
  assert.equal(await page.locator('section.scenario, [role="alertdialog"]').count(), 0);
  assert.ok(await page.locator('#start').isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('the logo asks before leaving a round, and "keep playing" keeps it', async () => {
  const { context, page, errors } = await startRound('zh-CN');
  await submitSpot(page, 'ad');
  await choose(page, 'ad-decide', 0);
  const balance = await text(page, '#balance');
  await page.locator('.brand').tap();
  const dialog = page.getByRole('alertdialog', { name: '离开这一轮？' });
  await dialog.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the dialog\'s accessibility');
  await page.locator('#keep-playing').tap();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await text(page, '#balance'), balance);
  await choose(page, 'first-task', 0);
  await page.locator('.brand').tap();
  await page.locator('#leave-round').tap();
  await page.locator('#start').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('scamspot.round')), null, 'a round left is not kept');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the debrief of a scam left at once lists its red flags as not reached', async () => {
  const { context, page, errors } = await startRound('zh-CN');
  await submitSpot(page, 'ad');                      // the ad's three flags missed
  await choose(page, 'ad-decide', 2);                // leave the group at once
  await page.locator('#see-debrief').tap();
  assert.equal(await page.locator('.flag.missed').count(), 3);
  // The app link's three and the refund excuse's one were never reached.
  assert.equal(await page.locator('.flag.not-reached').count(), 4);
  assert.match(await text(page, '.flag.not-reached'), /你在它出现之前就离开了/);
  assert.doesNotMatch(await text(page, '.debrief'), /这次没有可疑信号/);
  assert.deepEqual(await axeViolations(page), [], 'debrief accessibility');
  assert.deepEqual(errors, []);
  await context.close();
});
