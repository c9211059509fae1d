// The score can be read, the time is honest, and flag spotting shows what was
// found right after "done": played on a phone (360x740) by tapping.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, readDist, launch, phonePage, choose, tapPhrase, submitSpot, axeViolations } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// Scrolled to first, as a reader would: the result screen's lower lists are
// not laid out until near the viewport (content-visibility), and the text of
// one not laid out yet can read as empty.
const text = async (page, sel) => {
  const element = page.locator(sel).first();
  await element.scrollIntoViewIfNeeded();
  return element.innerText();
};
const focusedIsHeading = page => page.evaluate(() => document.activeElement?.classList.contains('screen-heading'));

test('found and missed flags show right after "done"; the results explain the points and reopen each debrief', async () => {
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  await page.goto(server.url + '?scenario=ob-like-for-cash');
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  // The opening ad: its three flags found, each named so once submitted.
  await submitSpot(page, 'ad', ['动动手指日赚200+', '名额有限', '想做的私聊我～']);
  await choose(page, 'ad-decide', 0);
  assert.equal(await page.locator('.phrase-review.found').count(), 3);
  assert.equal(await page.locator('.phrase-review.missed').count(), 0);
  await choose(page, 'first-task', 0);
  // The app link: two of three flags and an innocent phrase.
  await tapPhrase(page, 'move-to-app', '先垫付298元');
  await tapPhrase(page, 'move-to-app', 'http://rw-app.example/dl');
  await tapPhrase(page, 'move-to-app', '你做得很好！');
  await page.locator('#spot-done').tap();
  // Before any debrief: each phrase is named found, missed or not a flag, in words.
  await page.locator('.phrase-review.not-a-flag').waitFor();
  assert.equal(await page.locator('.phrase-review.found').count(), 5);
  assert.equal(await page.locator('.phrase-review.missed').count(), 1);
  assert.match(await text(page, '.phrase-review.missed'), /今天名额只剩2个.*（你漏掉了）/);
  assert.match(await text(page, '.phrase-review.not-a-flag'), /你做得很好！（这句没问题）/);
  assert.match(await text(page, '.phrase-review.found'), /（你找到了）/);

  await choose(page, 'pay-or-not', 0);
  await choose(page, 'first-rebate', 0);
  await choose(page, 'combo-order', 0);
  await choose(page, 'stuck', 1);
  await page.locator('#see-debrief').tap();
  await page.locator('#next').waitFor();
  assert.ok(await focusedIsHeading(page), 'the debrief heading has the focus');
  await page.locator('#next').tap();
  await page.locator('[data-level="4"]').tap();

  await page.locator('#result-points').waitFor();
  assert.ok(await focusedIsHeading(page), 'the results heading has the focus');
  await page.locator('.score-legend summary').tap();
  const legend = await text(page, '.score-legend');
  assert.match(legend, /识破骗局，或放心使用真实服务：100 分/);
  assert.match(legend, /付过钱才止损：50 分/);
  assert.match(legend, /每找到一个可疑信号加 10 分，每误点一处减 5 分/);
  const row = page.locator('.per-scenario li[data-scenario="ob-like-for-cash"]');
  // A late stop 50 + five flags 50 − one innocent tap 5, of the best play's 160.
  assert.match(await row.innerText(), /你及时止损[\s\S]*95\/160 分/);
  assert.equal(await text(page, '.practise li[data-type="order-brushing"] .practise-reason'), '漏掉了可疑信号');

  // Read the debrief again, then come back to the same results.
  await row.locator('.open-debrief').tap();
  assert.equal(await text(page, '#scenario-points'), '本场景得分：95/160');
  assert.equal(await page.locator('.flag.missed').count(), 1);
  assert.equal(await page.locator('#next').count(), 0, 'read-only: the round is over');
  await page.locator('#back-to-results').tap();
  assert.equal(await text(page, '#result-points'), '95/160 分');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a genuine service refused is named as the reason to practise; money kept never passes the savings; the results tell discrimination', async () => {
  const { context, page, errors } = await phonePage(browser, 'en');
  await page.goto(server.url + '?scenario=ob-campus-tutor-job');
  // An earlier round, saved: 4 of 4 scams stopped, 1 genuine service used.
  await page.evaluate(() => localStorage.setItem('scamspot.progress', JSON.stringify({ version: 1, rounds: 1, best_round: [500, 560],
    history: [{ day: 20000, tally: { scams: 4, hits: 4, genuine: 1, false_alarms: 0, flags_found: 8, flags_total: 10, wrong_taps: 1 },
      confidence_before: 3, confidence_after: 4 }] })));
  await page.reload();
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await page.locator('#spot-done').waitFor();
  // The narration line of this spot step is text, not buttons; the post is phrases.
  assert.equal(await page.locator('.msg.from-narrator').first().locator('.phrase').count(), 0);
  assert.ok(await page.locator('.msg.from-contact .phrase').count() > 0);
  await page.locator('#spot-done').tap();
  await choose(page, 'decide', 2);                    // dismiss it as a scam
  await page.locator('#see-debrief').tap();
  await page.locator('#next').tap();
  await page.locator('[data-level="3"]').tap();
  assert.equal(await text(page, '.practise li[data-type="order-brushing"] .practise-reason'), 'refused a genuine one');
  assert.equal(await text(page, '#result-money'), 'Simulated savings kept: ¥5,000 of ¥5,000');
  assert.equal(await text(page, '#result-discrimination'),
    'You refused 1 of 1 genuine service. Meet both scams and genuine services to see whether you can tell them apart.');
  assert.equal(await page.locator('#result-calibration').count(), 0, 'no scam met: nothing to set the rating against');
  // Over both rounds: H = 4.5/5, F = 1.5/3 (log-linear), d′ ≈ 1.28, c ≈ −0.64.
  assert.equal(await text(page, '#result-overall'),
    'Your last 2 rounds: You stopped 4 of 4 scams and refused 1 of 2 genuine services: you are discerning, telling scams from genuine services.');
  await page.locator('.result .actions').waitFor(); // the rest of the results, after their top has painted
  const rows = await page.locator('#discrimination-chart tbody tr').allInnerTexts();
  assert.deepEqual(rows.map(row => row.split('\t').map(cell => cell.trim())), [['1', '4/4', '0/1'], ['2', '–', '1/1']]);
  assert.equal(await page.locator('#discrimination-chart > svg .chart-hits circle').count(), 1, 'a round without scams has no hit-rate point');
  assert.equal(await page.locator('#discrimination-chart > svg .chart-false-alarms rect').count(), 2);
  assert.deepEqual(await axeViolations(page), [], 'result screen with the chart');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the start screen estimates the quick round from the index, and mode=short plays about five minutes', async () => {
  const index = JSON.parse(readDist('packs/index.json'));
  const mean = genuine => {
    const times = index.packs.filter(p => p.genuine === genuine).map(p => p.seconds);
    return Math.floor(times.reduce((a, b) => a + b, 0) / times.length);
  };
  const quickMinutes = Math.max(1, Math.floor((4 * mean(false) + mean(true) + 30) / 60));
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  await page.goto(server.url);
  await page.locator('#round-minutes').waitFor();
  assert.equal(await text(page, '#round-minutes'), `⏱ 快速练习一轮约 ${quickMinutes} 分钟（含讲解）`);
  assert.ok(quickMinutes > 10, 'five scenarios with their debriefs take longer than the old "10 minutes"');
  assert.equal(await text(page, '#start-short'), '5 分钟短练习（适合课堂）');
  assert.match(await text(page, '[data-type="fake-loan"] .type-minutes'), /^约 \d+ 分钟$/);

  await page.goto(server.url + '?mode=short');
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  const position = await text(page, '.position');
  const count = Number(position.split('/')[1].replace(/\D/g, ''));
  const shortest = index.packs.map(p => p.seconds).sort((a, b) => a - b);
  assert.ok(count >= 1 && shortest.slice(0, count).reduce((a, b) => a + b, 0) <= 330, `${position}: too long for 5 minutes`);
  assert.deepEqual(errors, []);
  await context.close();
});
