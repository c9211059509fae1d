// A learner plays whole scenarios on a phone (360x740) by tapping, in Chinese
// and in English; the score, balance and saved progress must be exactly right.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, phonePage, choose, tapPhrase, submitSpot, finishScenario, axeViolations } from './helpers.mjs';

const LIKE_FOR_CASH = '?scenario=ob-like-for-cash';
let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const text = (page, sel) => page.locator(sel).first().innerText();

test('Chinese: plays like-for-cash to a late stop, scores it, and remembers it after a reload', async () => {
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  await page.goto(server.url + LIKE_FOR_CASH);
  await page.getByRole('heading', { name: '在安全的模拟里，亲手识破电信网络诈骗。' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.deepEqual(await axeViolations(page), [], 'start screen accessibility');

  await page.locator('#start').tap();
  await page.locator('[data-level="2"]').tap();
  // The opening ad: all three red flags found.
  await submitSpot(page, 'ad', ['动动手指日赚200+', '名额有限', '想做的私聊我～']);
  await choose(page, 'ad-decide', 0);                // message Xiaoyu privately
  await choose(page, 'first-task', 0);               // +¥9, ask for more
  // The app link: tap two of its three red flags and one innocent phrase.
  await tapPhrase(page, 'move-to-app', '先垫付298元');
  await tapPhrase(page, 'move-to-app', 'http://rw-app.example/dl');
  await tapPhrase(page, 'move-to-app', '你做得很好！');
  assert.equal(await page.locator('.phrase[aria-pressed="true"]').count(), 3);
  assert.deepEqual(await axeViolations(page), [], 'scenario screen (spot step) accessibility');
  await page.locator('#spot-done').tap();
  await choose(page, 'pay-or-not', 0);               // pay ¥298
  await choose(page, 'first-rebate', 0);             // withdraw ¥387
  await choose(page, 'combo-order', 0);              // pay ¥1,000
  await choose(page, 'stuck', 1);                    // stop and call 110
  await page.locator('.end-card').waitFor();
  assert.equal(await text(page, '#balance'), '¥4,098');
  assert.match(await text(page, '.end-card h3'), /你及时止损/);

  await page.locator('#see-debrief').tap();
  assert.equal(await text(page, '#savings-change'), '模拟存款：¥5,000 → ¥4,098');
  // A late stop 50, five flags 50, one innocent tap -5; the best play (all six
  // flags, no payment) is 160.
  assert.equal(await text(page, '#scenario-points'), '本场景得分：95/160');
  assert.equal(await page.locator('.flag.found').count(), 5);
  assert.equal(await page.locator('.flag.missed').count(), 1);
  assert.match(await text(page, '.flag.missed'), /今天名额只剩2个/);
  assert.match(await text(page, '.channel-list'), /110/);
  assert.equal(await text(page, '#fiction-note'), '本场景中的机构、人名、号码、网址均为虚构。');
  assert.equal(await page.locator('#campus-security').count(), 0, 'no office shown when the deployment gives none');
  assert.deepEqual(await axeViolations(page), [], 'debrief accessibility');

  await page.locator('#next').tap();
  await page.locator('[data-level="4"]').tap();
  assert.equal(await text(page, '#result-points'), '95/160 分');
  assert.equal(await text(page, '#result-scams'), '识破骗局：1/1');
  assert.equal(await text(page, '#result-flags'), '找到可疑信号：5/6');
  assert.equal(await text(page, '#result-money'), '守住的模拟存款：¥4,098/¥5,000');
  assert.equal(await text(page, '#result-confidence'), '信心：练习前 2/5 → 练习后 4/5');
  assert.equal(await text(page, '#result-discrimination'), '你识破了 1 个骗局中的 1 个。骗局和真实服务都遇到过，才能看出你能否分清真假。');
  assert.equal(await text(page, '#result-calibration'), '你练习前给自己的把握打了 2/5，练习后 4/5；实际识破了 1 个骗局中的 1 个。');
  await page.locator('.result .actions').waitFor(); // the rest of the results, after their top has painted
  assert.ok(await page.locator('#discrimination-chart svg').isVisible(), 'the chart shows');
  assert.equal(await page.locator('#discrimination-chart tbody tr').count(), 1, 'one round so far');
  assert.match(await text(page, '.practise'), /刷单返利/);
  assert.deepEqual(await axeViolations(page), [], 'result screen accessibility');

  await page.reload();
  assert.equal(await text(page, '#overall-progress'), '已完成 1 轮 · 最高 95/160 分');
  assert.match(await text(page, '[data-type="order-brushing"]'), /已练 1\/4 个场景/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('English: plays like-for-cash to the end of the scam path and loses the money', async () => {
  const { context, page, errors } = await phonePage(browser, 'en-US');
  await page.goto(server.url + LIKE_FOR_CASH);
  await page.getByRole('heading', { name: 'Learn to spot telecom and online fraud by playing it safely.' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.locator('#start').tap();
  await page.locator('[data-level="5"]').tap();
  await submitSpot(page, 'ad');                      // the ad's flags all missed
  await choose(page, 'ad-decide', 1);                // ask whether it costs anything
  await choose(page, 'no-fee-promise', 0);
  await choose(page, 'first-task', 2);               // +¥9
  await submitSpot(page, 'move-to-app', ['download our task app', 'advance ¥298', 'Only 2 places left today']);
  await choose(page, 'pay-or-not', 0);               // -¥298
  await choose(page, 'first-rebate', 0);             // +¥387
  await choose(page, 'combo-order', 2);              // ask to do just one
  await choose(page, 'combo-order-pressure', 0);     // -¥1,000
  await choose(page, 'stuck', 0);                    // -¥3,000
  await page.locator('.end-card').waitFor();
  assert.equal(await text(page, '#balance'), '¥1,098');
  assert.match(await text(page, '.end-card h3'), /You were scammed/);
  await page.locator('#see-debrief').tap();
  // Scammed: only the app link's three flags score.
  assert.equal(await text(page, '#scenario-points'), 'Points for this scenario: 30/160');
  assert.equal(await page.locator('.flag.found').count(), 3);
  assert.equal(await page.locator('.flag.missed').count(), 3);
  assert.equal(await text(page, '#fiction-note'), 'All organisations, names, numbers and addresses in this scenario are fictional.');
  await page.locator('#next').tap();
  await page.locator('[data-level="5"]').tap();
  assert.equal(await text(page, '#result-points'), '30/160 points');
  assert.equal(await text(page, '#result-scams'), 'Scams caught: 0/1');
  assert.equal(await text(page, '#result-money'), 'Simulated savings kept: ¥1,098 of ¥5,000');
  assert.equal(await text(page, '#result-confidence'), 'Confidence: 5/5 before → 5/5 after');
  // The chart's table for screen readers is hidden without widening the page (its English headers once did).
  await page.locator('.result .actions').waitFor();
  assert.equal(await page.locator('#discrimination-chart tbody tr').count(), 1);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'no sideways scrolling');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a double tap on a choice counts once', async () => {
  const { context, page } = await phonePage(browser, 'zh-CN');
  await page.goto(server.url + LIKE_FOR_CASH);
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await submitSpot(page, 'ad');
  await choose(page, 'ad-decide', 0);
  const pay = page.locator('section.scenario[data-step="first-task"] .choice[data-choice="0"]');
  await pay.waitFor();
  await pay.evaluate(el => { el.click(); el.click(); });
  await page.locator('section.scenario[data-step="move-to-app"]').waitFor();
  assert.equal(await text(page, '#balance'), '¥5,009');
  await context.close();
});

test('the language switch changes everything at once and is remembered', async () => {
  const { context, page } = await phonePage(browser, 'zh-CN');
  await page.goto(server.url);
  await page.locator('#start').waitFor();
  assert.equal(await text(page, '#start'), '开始快速练习');
  await page.locator('#lang-switch').tap();
  assert.equal(await text(page, '#start'), 'Start a quick round');
  assert.match(await text(page, '[data-type="fake-loan"] h3'), /Fake online loans/);
  await page.reload();
  assert.equal(await text(page, '#start'), 'Start a quick round');
  // A quick round draws four scams from different types plus a genuine look-alike.
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  assert.match(await text(page, '.position'), /^Scenario 1\/5$/);
  await context.close();
});

test('corrupt saved progress shows a notice, is backed up, and the app still plays', async () => {
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('scamspot.progress', '{"version":1,"rounds":');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto(server.url + LIKE_FOR_CASH);
  const notice = page.locator('.notice[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /之前保存的进度已损坏/);
  assert.equal(await page.evaluate(() => localStorage.getItem('scamspot.progress.backup')), '{"version":1,"rounds":');
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await submitSpot(page, 'ad');
  await choose(page, 'ad-decide', 2);                // leave the group: a safe end, no flag found
  await page.locator('.end-card.good').waitFor();
  await finishScenario(page, 3);
  assert.equal(await text(page, '#result-points'), '100/160 分');
  await page.reload();
  assert.equal(await page.locator('.notice').count(), 0, 'the repaired progress loads without a notice');
  assert.equal(await text(page, '#overall-progress'), '已完成 1 轮 · 最高 100/160 分');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a newer saved version is reset with its own notice', async () => {
  const { context, page } = await phonePage(browser, 'en');
  await context.addInitScript(() => localStorage.setItem('scamspot.progress', '{"version":99}'));
  await page.goto(server.url);
  assert.match(await page.locator('.notice').innerText(), /newer version \(format 99\)/);
  await page.locator('#start').waitFor();
  await context.close();
});
