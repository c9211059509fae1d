// Lecture mode end to end: the real lecture server (crates/server) serving
// dist/, a presenter page on a 1280x720 projector and three phones at
// 360x740 in one Chromium. The presenter opens a room, the phones join (one
// after mistyping the room code) and play like-for-cash fork by fork: a spot
// step with a heat map, a fork with a changed answer, and a fork during which
// one phone loses its connection and the server is killed and restarted.
// The presenter's counts must match the answers given, nothing answered is
// lost, and axe finds no violation on either page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, phonePage, axeViolations } from './helpers.mjs';
import { startLectureServer, HOST_KEY } from './lecture-server.mjs';

const SCENARIO = 'ob-like-for-cash';

/** The page's room socket routed through the test, so it can be cut like a
 *  dropped Wi-Fi: while cut, open sockets are closed and new ones refused. */
async function cuttable(page) {
  const state = { cut: false, open: [] };
  await page.routeWebSocket(/\/ws\?room=/, ws => {
    if (state.cut) return ws.close({ code: 1011, reason: 'offline' });
    ws.connectToServer();
    state.open.push(ws);
  });
  return {
    async cut() {
      state.cut = true;
      await page.context().setOffline(true);
      for (const ws of state.open.splice(0)) await ws.close({ code: 1011, reason: 'offline' });
    },
    async restore() {
      state.cut = false;
      await page.context().setOffline(false);
    },
  };
}

/** Waits until `locator`'s text matches `pattern` (the element may be redrawn meanwhile). */
async function waitForText(locator, pattern, timeout = 20_000) {
  const until = Date.now() + timeout;
  let text = null;
  while (Date.now() < until) {
    text = await locator.textContent({ timeout: 1_000 }).catch(() => null);
    if (text !== null && pattern.test(text)) return;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`${locator}: ${JSON.stringify(text)} never matched ${pattern}`);
}

async function projector(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  return { page, errors };
}

/** The presenter's current step, once it shows `step` in `phase`. */
function stepOnScreen(presenter, step, phase) {
  return presenter.locator(`section.presenter-step[data-step="${step}"][data-phase="${phase}"]`).waitFor();
}

/** Every phone shows voting; then `act(phone, index)` answers on each. */
async function vote(phones, act) {
  for (const [index, phone] of phones.entries()) {
    await phone.page.locator('.room-stage[data-phase="voting"]').waitFor();
    await act(phone, index);
  }
}

const received = phone => waitForText(phone.page.locator('#delivery'), /已收到|received/i);

test('a presenter and three phones play a scenario fork by fork; a dropped phone and a server restart lose nothing', async t => {
  const server = await startLectureServer();
  const browser = await launch();
  t.after(async () => { await browser.close(); await server.stop(); });

  // The lecturer opens a room for one scenario.
  const { page: presenter, errors: presenterErrors } = await projector(browser);
  await presenter.goto(`${server.url}/?present#key=${HOST_KEY}`);
  await presenter.locator(`input[data-scenario="${SCENARIO}"]`).check();
  await presenter.locator('#create-room').click();
  const code = (await presenter.locator('#room-code').textContent()).trim();
  assert.match(code, /^\d{6}$/);
  assert.ok(await presenter.locator('img[src$="/qr.svg"]').evaluate(img => img.complete && img.naturalWidth > 0), 'the QR code loads');
  // The control secret is kept for a reload of this tab, never shown or put in the URL.
  const leaks = await presenter.evaluate(() => {
    const kept = Object.values(sessionStorage).join('\n').match(/\b[0-9a-f]{32}\b/g) || [];
    return [kept.length, kept.filter(secret => document.documentElement.outerHTML.includes(secret) || location.href.includes(secret))];
  });
  assert.deepEqual(leaks, [1, []]);
  assert.deepEqual(await axeViolations(presenter), [], 'presenter lobby');

  // Three phones join from the join URL and rate their confidence.
  const phones = [];
  for (const [index, locale] of ['zh-CN', 'zh-CN', 'en'].entries()) {
    const phone = await phonePage(browser, locale);
    phone.link = await cuttable(phone.page);
    if (index === 0) {
      // A mistyped code: said at once, and typed again.
      const wrong = code === '000000' ? '000001' : '000000';
      await phone.page.goto(`${server.url}/?room=${wrong}`);
      await phone.page.locator('#room-join').tap();
      await waitForText(phone.page.locator('#room-code-error'), new RegExp(`没有房间号为 ${wrong}`));
      await phone.page.locator('#room-code').fill(code);
    } else {
      await phone.page.goto(`${server.url}/?room=${code}`);
    }
    await phone.page.locator('#room-nickname').fill(`同学${index + 1}`);
    await phone.page.locator('#room-join').tap();
    await phone.page.locator('.room-rating [data-level="3"]').tap();
    await received(phone);
    phones.push(phone);
  }
  await waitForText(presenter.locator('#joined-count'), /3/);
  assert.deepEqual(await axeViolations(phones[0].page), [], 'phone in the lobby');

  // A presentation clicker's "next" starts the lecture: the spot step.
  await presenter.keyboard.press('PageDown');
  await stepOnScreen(presenter, 'ad', 'shown');
  await presenter.keyboard.press('ArrowRight');
  await stepOnScreen(presenter, 'ad', 'voting');
  await vote(phones, async (phone, index) => {
    const phrases = phone.page.locator('.room-spot .phrase');
    for (let i = 0; i < 2 - index; i++) await phrases.nth(i).tap();
    if (index < 2) await received(phone);
  });
  await waitForText(presenter.locator('#answered-count'), /\b2\b/);
  await presenter.keyboard.press('Space');
  await stepOnScreen(presenter, 'ad', 'revealed');
  // Two phones tapped the first phrase, one the second.
  const heat = await presenter.locator('.heat-count').allTextContents();
  assert.ok(heat.some(text => /2/.test(text)) && heat.some(text => /1/.test(text)), heat.join(' | '));
  await presenter.locator('#show-flags').click();
  await presenter.locator('#flags-heading').waitFor();
  assert.deepEqual(await axeViolations(presenter), [], 'presenter: heat map and flags');
  await presenter.locator('#next-step').click();

  // The first fork: two phones take the first choice (one after changing
  // its mind), the third leaves.
  await stepOnScreen(presenter, 'ad-decide', 'shown');
  await presenter.locator('#open-voting').click();
  const order = await phones[0].page.locator('.choice.vote').evaluateAll(all => all.map(b => b.dataset.choice));
  for (const phone of phones.slice(1)) {
    await phone.page.locator('.choice.vote').first().waitFor();
    assert.deepEqual(await phone.page.locator('.choice.vote').evaluateAll(all => all.map(b => b.dataset.choice)), order,
      'every phone shows the choices in the room\'s order');
  }
  await vote(phones, async (phone, index) => {
    const choose = choice => phone.page.locator(`.choice.vote[data-choice="${choice}"]`).tap();
    if (index === 1) {
      await choose(2);
      await received(phone);
    }
    await choose(index === 2 ? 2 : 0);
    await received(phone);
  });
  await waitForText(presenter.locator('#answered-count'), /\b3\b.*\b3\b/);
  assert.deepEqual(await axeViolations(phones[1].page), [], 'phone voting');
  await presenter.locator('#close-reveal').click();
  await stepOnScreen(presenter, 'ad-decide', 'revealed');
  await waitForText(presenter.locator('#majority-headline'), /67\s*%/);
  assert.deepEqual(await axeViolations(presenter), [], 'presenter: the distribution');
  await phones[1].page.locator('#your-answer').waitFor();
  await presenter.locator('#follow-majority').click();

  // The second fork. Phone 1 answers, drops off and comes back with its answer
  // kept; phone 2 answers while cut off (kept, and sent on return); the server
  // is killed and restarted meanwhile.
  await stepOnScreen(presenter, 'first-task', 'shown');
  await presenter.locator('#open-voting').click();
  await vote(phones.slice(0, 2), async phone => {
    await phone.page.locator('.choice.vote[data-choice="0"]').tap();
    await received(phone);
  });
  await waitForText(presenter.locator('#answered-count'), /\b2\b/);
  await phones[1].link.cut();
  await waitForText(phones[1].page.locator('#room-status'), /重新连接|reconnect/i);
  await phones[2].link.cut();
  await phones[2].page.locator('.choice.vote[data-choice="1"]').tap();
  await waitForText(phones[2].page.locator('#delivery'), /发送|sending/i);

  await server.restart();
  await waitForText(presenter.locator('#presenter-link'), /已连接|online/i);
  await waitForText(presenter.locator('#answered-count'), /\b2\b/);
  for (const phone of phones.slice(1)) await phone.link.restore();
  await received(phones[2]);
  await waitForText(presenter.locator('#answered-count'), /\b3\b.*\b3\b/);
  assert.equal(await phones[1].page.locator('.choice.vote[aria-pressed="true"]').getAttribute('data-choice'), '0',
    'the phone that dropped off still shows its answer');
  await presenter.locator('#close-reveal').click();
  await stepOnScreen(presenter, 'first-task', 'revealed');
  await presenter.locator('.follow-this[data-choice="1"]').click();

  // The end of the scenario, then of the lecture: the class's summary and its CSV.
  await stepOnScreen(presenter, 'left-early', 'shown');
  await presenter.locator('#next-scenario').click();
  await presenter.locator('#summary-heading').waitFor();
  await waitForText(presenter.locator('#players-total'), /3/);
  const [download] = await Promise.all([presenter.waitForEvent('download'), presenter.locator('#download-csv').click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^section,scenario,step,item,count$/m);
  assert.match(csv, new RegExp(`^fork,${SCENARIO},ad-decide,choice-1[^,]*,2$`, 'm'));
  assert.match(csv, new RegExp(`^fork,${SCENARIO},first-task,choice-2[^,]*,1$`, 'm'));
  assert.doesNotMatch(csv, /同学/, 'no nickname in the export');
  assert.deepEqual(await axeViolations(presenter), [], 'presenter: the summary');

  for (const phone of phones) {
    await phone.page.locator('.room-stage[data-phase="ended"]').waitFor();
    await phone.page.locator('.room-rating [data-level="4"]').tap();
    await received(phone);
    await phone.page.locator('#play-yourself').waitFor();
  }
  assert.deepEqual(await axeViolations(phones[2].page), [], 'phone at the end');
  assert.deepEqual(presenterErrors, []);
  // What a dropped link logs, and the 404 that told the first phone its code was wrong.
  const expected = (e, index) => /WebSocket|ERR_INTERNET_DISCONNECTED/.test(e) || (index === 0 && /status of 404/.test(e));
  for (const [index, phone] of phones.entries()) assert.deepEqual(phone.errors.filter(e => !expected(e, index)), []);
});
