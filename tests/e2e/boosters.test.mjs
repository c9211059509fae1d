// Spaced boosters and per-technique mastery on the start screen: a booster
// shows when saved progress says one is due and plays a parallel scam of the
// mistake's technique and a genuine look-alike, not the mistake itself; after
// a round, each technique says how reliably the learner recognised it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, phonePage, choose, tapPhrase, submitSpot, playToEndCard, axeViolations } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** A page whose saved progress has one round, `daysAgo` days back, with one
 *  mistake, and a booster schedule at `stage`. */
async function seeded(locale, daysAgo, stage) {
  const opened = await phonePage(browser, locale);
  await opened.context.addInitScript(([daysAgo, stage]) => {
    const since = Math.floor(Date.now() / 86400000) - daysAgo;
    localStorage.setItem('scamspot.progress', JSON.stringify({ version: 1, rounds: 1, best_round: [0, 100],
      scenarios: { 'fl-instant-loan-app': { plays: 1, best_points: 0, max_points: 130, last_right: false } },
      missed: { 'fl-instant-loan-app': since }, boosters: { since, stage } }));
  }, [daysAgo, stage]);
  await opened.page.goto(server.url);
  await opened.page.locator('#start').waitFor();
  return opened;
}

test('a booster due by the saved schedule shows on the start screen and plays a parallel scam and a look-alike', async () => {
  const { context, page, errors } = await seeded('en', 7, 1);
  const card = await page.locator('#booster-card').innerText();
  assert.match(card, /Time for a booster/);
  // The mistake, fl-instant-loan-app, opens with off-platform: the shortest unseen scam teaching it is
  // ob-like-for-cash (131 s); the shortest genuine fake loan is fl-bank-student-loan (166 s, tied with
  // loan-real-internship-app and first by id). 297 s: about 5 minutes.
  assert.match(card, /2 scenarios, about 5 min: an unseen scam using the tricks of one you got wrong, and a genuine service/);
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('#booster').tap();
  await page.locator('[data-level="3"]').tap();
  const scenario = page.locator('section.scenario');
  await scenario.waitFor();
  assert.equal(await page.locator('.position').innerText(), 'Scenario 1/2');
  const first = await scenario.getAttribute('data-scenario');
  await playToEndCard(page);
  await page.locator('#see-debrief').tap();
  await page.locator('#next').tap();
  await page.locator(`section.scenario:not([data-scenario="${first}"])`).waitFor();
  assert.equal(await page.locator('.position').innerText(), 'Scenario 2/2');
  assert.deepEqual([first, await scenario.getAttribute('data-scenario')].sort(), ['fl-bank-student-loan', 'ob-like-for-cash'],
    'retrieval with a parallel item: the mistake itself is not replayed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('no booster shows before the next one is due', async () => {
  const { context, page, errors } = await seeded('zh-CN', 6, 1);
  assert.equal(await page.locator('#booster-card').count(), 0, 'the 7-day booster is due tomorrow');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after a round the technique section shows how reliably each technique was recognised', async () => {
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  await page.goto(server.url + '?scenario=ob-like-for-cash');
  assert.equal(await page.locator('.technique .mastery.unmet').first().innerText(), '还没遇到过');
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  // The ad: easy-money and off-platform found; urgency ('名额有限') left: missed.
  await submitSpot(page, 'ad', ['动动手指日赚200+', '想做的私聊我～']);
  await choose(page, 'ad-decide', 0);
  await choose(page, 'first-task', 0);
  await tapPhrase(page, 'move-to-app', '先垫付298元');                 // advance-fee: found
  await tapPhrase(page, 'move-to-app', 'http://rw-app.example/dl');   // off-platform: found; urgency left: missed
  await page.locator('#spot-done').tap();
  await choose(page, 'pay-or-not', 0);
  await choose(page, 'first-rebate', 0);
  await choose(page, 'combo-order', 0);
  await choose(page, 'stuck', 1);                                 // stopped late: handled right
  await page.locator('#see-debrief').tap();
  await page.locator('#next').tap();
  await page.locator('[data-level="4"]').tap();
  await page.locator('#result-points').waitFor();
  await page.locator('.actions .secondary').tap();

  const mastery = id => page.locator(`.technique:has([data-technique="${id}"]) .mastery`);
  await mastery('advance-fee').waitFor();
  assert.equal(await mastery('advance-fee').innerText(), '识破 2/2 次 (100%)', 'the scenario stopped and its flag found');
  assert.equal(await mastery('urgency').innerText(), '识破 0/2 次 (0%)', 'its flags missed, in the ad and the app link');
  assert.equal(await mastery('pay-to-withdraw').innerText(), '识破 1/1 次 (100%)');
  assert.equal(await mastery('off-platform').innerText(), '识破 3/3 次 (100%)', 'the scenario stopped and both its flags found');
  assert.equal(await mastery('easy-money').innerText(), '识破 1/1 次 (100%)', 'a flag found, though the pack does not list it');
  assert.equal(await mastery('romance').innerText(), '还没遇到过');
  assert.equal(await mastery('urgency').locator('meter').getAttribute('value'), '0');
  assert.equal(await page.locator('[data-technique="urgency"]').getAttribute('aria-label'), '练这个手法：制造紧迫');
  assert.deepEqual(await axeViolations(page), []);

  // "Practise this technique" plays scams that teach it.
  await page.locator('[data-technique="urgency"]').tap();
  await page.locator('[data-level="3"]').tap();
  await page.locator('section.scenario').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
