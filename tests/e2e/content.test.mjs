// Content in the browser: packs load lazily, a broken pack is named with its
// problem while the others still play, and the round modes (technique,
// booster) draw what they promise.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, readDist, launch, phonePage } from './helpers.mjs';

const browser = await launch();
after(() => browser.close());

test('opening the app downloads only the scam a quick round would open with; a link to one downloads just that one, once', async t => {
  const server = await serveDist();
  t.after(() => server.close());
  const packsOf = page => {
    const packs = [];
    page.on('request', r => { const p = new URL(r.url()).pathname; if (p.startsWith('/packs/')) packs.push(p); });
    return packs;
  };
  const home = await phonePage(browser, 'zh-CN');
  t.after(() => home.context.close());
  const homePacks = packsOf(home.page);
  await home.page.goto(server.url);
  await home.page.locator('.type-list').waitFor();
  // The start screen's script picks the quick round's opening scam and
  // fetches its pack while the learner reads, from the index in the
  // learner's language alone; nothing else.
  const scams = JSON.parse(readDist('packs/index.json')).packs.filter(p => !p.genuine).map(p => `/packs/${p.file}`);
  assert.equal(homePacks.length, 2, homePacks.join(' '));
  assert.equal(homePacks[0], '/packs/index.zh-CN.json');
  assert.ok(scams.includes(homePacks[1]), homePacks[1]);

  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  t.after(() => context.close());
  const packs = packsOf(page);
  await page.goto(server.url + '?scenario=fl-wrong-card-number');
  await page.locator('.type-list').waitFor();
  // The linked scenario's pack comes while the learner reads the start screen, and the app takes it over.
  const linked = ['/packs/index.zh-CN.json', '/packs/fake-loan/wrong-card-number.json'];
  assert.deepEqual(packs, linked);
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await page.locator('section.scenario[data-scenario="fl-wrong-card-number"]').waitFor();
  assert.deepEqual(packs, linked);
  assert.deepEqual([...home.errors, ...errors], []);
});

test("a round's other packs download only once its first scenario shows, so they never slow it", async t => {
  const server = await serveDist();
  t.after(() => server.close());
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  t.after(() => context.close());
  // Every pack request, and whether a scenario was on the screen when it was made.
  await page.addInitScript(() => {
    const fetch = window.fetch;
    window.packRequests = [];
    window.fetch = function (resource, ...rest) {
      const url = String(resource instanceof Request ? resource.url : resource);
      if (url.includes('packs/')) window.packRequests.push({ url, shown: !!document.querySelector('section.scenario') });
      return fetch.call(this, resource, ...rest);
    };
  });
  await page.goto(server.url);
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await page.locator('section.scenario').waitFor();
  await page.waitForFunction(() => window.packRequests.length >= 4);
  const requests = await page.evaluate(() => window.packRequests);
  // The index and the opening scam come with the app; the rest after the first scenario shows.
  assert.deepEqual(requests.slice(0, 2).map(r => r.shown), [false, false], JSON.stringify(requests));
  assert.ok(requests.slice(2).every(r => r.shown), JSON.stringify(requests));
  assert.deepEqual(errors, []);
});

test('a pack broken after the build is named with its problem, and the other packs of the round play', async t => {
  const good = JSON.parse(readDist('packs/order-brushing/like-for-cash.json'));
  good.start = 'nowhere';
  const server = await serveDist({ 'packs/order-brushing/like-for-cash.json': JSON.stringify(good) });
  t.after(() => server.close());
  const { context, page } = await phonePage(browser, 'en');
  t.after(() => context.close());
  await page.goto(server.url);
  await page.locator('[data-type="order-brushing"] button').tap();
  const notice = page.locator('.notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /order-brushing\/like-for-cash\.json: error\[SS0022\] scenario "ob-like-for-cash" start: no step has id "nowhere"/);
  await page.locator('[data-level="3"]').tap();
  assert.equal(await page.locator('.position').innerText(), 'Scenario 1/3');
});

test('the app reads the index in the learner\'s language alone, and in the other once the learner switches', async t => {
  const server = await serveDist();
  t.after(() => server.close());
  const { context, page, errors } = await phonePage(browser, 'en');
  t.after(() => context.close());
  const indexes = [];
  page.on('request', r => { const p = new URL(r.url()).pathname; if (!r.serviceWorker() && p.startsWith('/packs/index')) indexes.push(p); });
  await page.goto(server.url);
  const name = page.locator('[data-type="order-brushing"] h3');
  await name.waitFor();
  assert.equal(await name.innerText(), 'Order-brushing rebates');
  assert.deepEqual(indexes, ['/packs/index.en.json']);
  await page.locator('.lang-switch').tap();
  await name.filter({ hasText: '刷单返利' }).waitFor();
  assert.deepEqual(indexes, ['/packs/index.en.json', '/packs/index.zh-CN.json']);
  await page.locator('.lang-switch').tap();
  await name.filter({ hasText: 'Order-brushing rebates' }).waitFor();
  assert.deepEqual(errors, []);
});

test('packs the build left out are listed on the start screen with their problems', async t => {
  // The app's page starts from the index in the learner's language.
  const index = JSON.parse(readDist('packs/index.zh-CN.json'));
  index.broken = [{ file: 'campus/new-scam.toml', problems: ['campus/new-scam.toml:12:1 field `next`: no step has id "pay"'] }];
  const server = await serveDist({ 'packs/index.zh-CN.json': JSON.stringify(index) });
  t.after(() => server.close());
  const { context, page } = await phonePage(browser, 'zh-CN');
  t.after(() => context.close());
  await page.goto(server.url);
  const notice = page.locator('.notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /有 1 个场景包无法使用/);
  assert.match(await notice.innerText(), /campus\/new-scam\.toml:12:1 field `next`: no step has id "pay"/);
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await page.locator('section.scenario').waitFor();
});

test('a technique round plays only scams that use the technique', async t => {
  const server = await serveDist();
  t.after(() => server.close());
  const index = JSON.parse(readDist('packs/index.json'));
  const expected = index.packs.filter(p => !p.genuine && p.techniques.includes('pay-to-withdraw')).length;
  const { context, page } = await phonePage(browser, 'en');
  t.after(() => context.close());
  await page.goto(server.url);
  await page.locator('[data-technique="pay-to-withdraw"]').tap();
  await page.locator('[data-level="3"]').tap();
  const scenario = await page.locator('section.scenario').getAttribute('data-scenario');
  const pack = index.packs.find(p => p.id === scenario);
  assert.ok(pack.techniques.includes('pay-to-withdraw') && !pack.genuine, scenario);
  assert.equal(await page.locator('.position').innerText(), `Scenario 1/${Math.min(expected, 5)}`);
});

test('progress saved before boosters (mistakes only) still offers a booster aimed at the oldest mistake', async t => {
  const server = await serveDist();
  t.after(() => server.close());
  const { context, page } = await phonePage(browser, 'en');
  t.after(() => context.close());
  await context.addInitScript(() => {
    const today = Math.floor(Date.now() / 86400000);
    localStorage.setItem('scamspot.progress', JSON.stringify({ version: 1, rounds: 1, best_round: [0, 100],
      scenarios: { 'pb-dating-app-gold': { plays: 1, best_points: 0, max_points: 140, last_right: false } },
      missed: { 'pb-dating-app-gold': today - 4, 'fl-instant-loan-app': today } }));
  });
  await page.goto(server.url);
  // pb-dating-app-gold, the older mistake, opens with romance: the unseen scam teaching it is
  // pb-game-partner-lottery (207 s), beside the genuine pb-bank-fund-advisor (202 s): about 7 minutes.
  assert.match(await page.locator('.review-card').innerText(),
    /Time for a booster[\s\S]*2 scenarios, about 7 min: an unseen scam using the tricks of one you got wrong/);
  await page.locator('#booster').tap();
  await page.locator('[data-level="3"]').tap();
  const first = await page.locator('section.scenario').getAttribute('data-scenario');
  assert.ok(['pb-game-partner-lottery', 'pb-bank-fund-advisor'].includes(first), `${first}: not aimed at the oldest mistake`);
  assert.equal(await page.locator('.position').innerText(), 'Scenario 1/2');
});
