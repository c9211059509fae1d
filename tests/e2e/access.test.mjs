// The two walls real users hit: large text and dark mode. At 200% text (the
// page's root size, and the browser's own default size) on 320 and 360 px
// phones, the chat and the choices are never covered and take real clicks;
// 大字 is remembered; read aloud shows only where a voice can speak; axe
// stays clean at 200% and in dark mode on every kind of screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, phonePage, tapPhrase, submitSpot, playToEndCard, axeViolations } from './helpers.mjs';
import { startExamples } from '../../scripts/examples-server.mjs';

const LIKE_FOR_CASH = '?scenario=ob-like-for-cash';
const PHONES = { '320 px': { width: 320, height: 568 }, '360 px': { width: 360, height: 740 } };
/** Fixed or sticky chrome may cover at most this share of the screen. */
const MAX_CHROME = 0.15;
let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Text twice its size, as a page or reader sets it: the root's font size, or the browser's default size. */
const DOUBLE_TEXT = {
  'root font size': async page => page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%')),
  'browser text size': async page => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  },
};

/** The share of the viewport that fixed or sticky elements cover right now. */
const chromeShare = page => page.evaluate(() => {
  const { innerWidth: w, innerHeight: h } = window;
  let covered = 0;
  for (const el of document.querySelectorAll('body *')) {
    if (!['fixed', 'sticky'].includes(getComputedStyle(el).position)) continue;
    const r = el.getBoundingClientRect();
    const width = Math.min(r.right, w) - Math.max(r.left, 0);
    const height = Math.min(r.bottom, h) - Math.max(r.top, 0);
    if (width > 0 && height > 0) covered += width * height;
  }
  return covered / (w * h);
});

const choice = (page, step, index) => page.locator(`section.scenario[data-step="${step}"] .choice[data-choice="${index}"]`);

/** Clicks choice `index` of `step` the way a finger would (Playwright refuses
 *  when something covers it), after checking that pinned chrome covers little. */
async function clickChoice(page, step, index) {
  const button = choice(page, step, index);
  await button.scrollIntoViewIfNeeded();
  const share = await chromeShare(page);
  assert.ok(share <= MAX_CHROME, `pinned chrome covers ${Math.round(share * 100)}% of the screen at ${step}`);
  await button.click();
}

/** Clicks the phrase of spot step `step` holding `text`, checks it is pressed, then clicks done. */
async function clickSpot(page, step, text) {
  const phrase = page.locator(`section.scenario[data-step="${step}"] .phrase`, { hasText: text });
  await phrase.click();
  assert.equal(await phrase.getAttribute('aria-pressed'), 'true');
  await page.locator(`section.scenario[data-step="${step}"] #spot-done`).click();
}

async function startLikeForCash(page) {
  await page.locator('#start').click();
  await page.locator('[data-level="2"]').click();
}

for (const [phone, viewport] of Object.entries(PHONES)) {
  for (const [how, double] of Object.entries(DOUBLE_TEXT)) {
    test(`200% text (${how}) on a ${phone} phone: nothing covers the chat, choices and phrases take real clicks`, async () => {
      const { context, page, errors } = await phonePage(browser, 'zh-CN');
      await page.setViewportSize(viewport);
      if (how === 'browser text size') await double(page);
      await page.goto(server.url + LIKE_FOR_CASH);
      if (how === 'root font size') await double(page);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '32px');
      await startLikeForCash(page);
      await clickSpot(page, 'ad', '名额有限');
      await clickChoice(page, 'ad-decide', 0);
      await clickChoice(page, 'first-task', 0);
      await clickSpot(page, 'move-to-app', '先垫付298元');
      await clickChoice(page, 'pay-or-not', 1);
      assert.ok(await chromeShare(page) <= MAX_CHROME);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('every phrase of a spot step is a 44 px touch target', async () => {
  const { context, page } = await phonePage(browser, 'zh-CN');
  await page.goto(server.url + LIKE_FOR_CASH);
  await startLikeForCash(page);
  const assertTouchTargets = async step => {
    await page.locator(`section.scenario[data-step="${step}"] #spot-done`).waitFor();
    // Rounded to 1/1000 px: mid-scroll, a 44 px box can measure 43.99997 (bottom − top in floats).
    const heights = await page.locator('.phrase')
      .evaluateAll(els => els.map(e => Math.round(e.getBoundingClientRect().height * 1000) / 1000));
    assert.ok(heights.length > 3, `${step}: ${heights.length} phrases`);
    assert.ok(Math.min(...heights) >= 44, `${step}: phrase heights ${heights}`);
  };
  await assertTouchTargets('ad');             // the opening ad in the group
  await submitSpot(page, 'ad');
  await choice(page, 'ad-decide', 0).click();
  await choice(page, 'first-task', 0).click();
  await assertTouchTargets('move-to-app');    // the app link, a long URL phrase among them
  await context.close();
});

test('大字 enlarges the text, is remembered across a reload, and the start screen paints with it', async () => {
  // No offline worker: it would serve the app that the test holds back below
  // (routes do not see a worker's fetches).
  const { context, page, errors } = await phonePage(browser, 'zh-CN', { serviceWorkers: 'block' });
  const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  await page.goto(server.url);
  const toggle = page.locator('#large-text');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await rootSize(), '16px');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal(await rootSize(), '20px');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#start')).fontSize), '20px');

  // The static start screen (the app held back) already shows it.
  await page.route(/scamspot-[^/]*\.js$/, route => route.abort());
  await page.reload();
  assert.equal(await page.locator('.app.shell .shell-text-size').getAttribute('aria-pressed'), 'true');
  assert.equal(await rootSize(), '20px');
  await page.locator('.shell-text-size').click();
  assert.equal(await rootSize(), '16px');
  assert.equal(await page.evaluate(() => localStorage.getItem('scamspot.large-text')), '0');
  await page.locator('.shell-text-size').click();

  await page.unroute(/scamspot-[^/]*\.js$/);
  await page.reload();
  assert.equal(await page.locator('#large-text').getAttribute('aria-pressed'), 'true');
  assert.equal(await rootSize(), '20px');
  await page.locator('#large-text').click();
  await page.reload();
  assert.equal(await page.locator('#large-text').getAttribute('aria-pressed'), 'false');
  assert.equal(await rootSize(), '16px');
  assert.deepEqual(errors.filter(e => !/scamspot-|net::ERR_FAILED/.test(e)), []);
  await context.close();
});

/** Replaces the browser's speech synthesis with one that has `langs` voices
 *  (changed later through window.setVoices) and records what it is asked to say. */
async function stubSpeech(context, langs) {
  await context.addInitScript(initial => {
    let voices = initial.map(lang => ({ lang, name: `stub ${lang}` }));
    window.spoken = [];
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    speechSynthesis.getVoices = () => voices;
    speechSynthesis.speak = u => window.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.lang });
    speechSynthesis.cancel = () => {};
    window.setVoices = list => { voices = list.map(lang => ({ lang, name: `stub ${lang}` })); };
  }, langs);
}

test('read aloud appears once a Chinese voice is there and speaks the message and the choice', async () => {
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  await stubSpeech(context, []);
  await page.goto(server.url + LIKE_FOR_CASH);
  await startLikeForCash(page);
  await page.locator('section.scenario[data-step="ad"] #spot-done').waitFor();
  assert.equal(await page.locator('.read-aloud').count(), 0, 'no voice yet');
  // Browsers list their voices a moment after the page loads; the next message or tap shows the buttons.
  await page.evaluate(() => window.setVoices(['en-US', 'zh-CN']));
  await submitSpot(page, 'ad');
  await choice(page, 'ad-decide', 0).waitFor();
  const narration = page.locator('.msg.from-narrator').first();
  await narration.locator('.read-aloud').click();
  const row = page.locator('.choice-row').first();
  await row.locator('.read-aloud').click();
  const spoken = await page.evaluate(() => window.spoken);
  assert.deepEqual(spoken, [
    { text: await narration.locator('.bubble').evaluate(b => b.lastChild.textContent), lang: 'zh-CN', voice: 'zh-CN' },
    { text: await row.locator('.choice').innerText(), lang: 'zh-CN', voice: 'zh-CN' },
  ]);
  assert.equal(await page.locator('.read-aloud').first().getAttribute('aria-label'), '朗读');
  assert.deepEqual(errors, []);
  await context.close();
});

test('read aloud is absent without a voice for the language', async () => {
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  await stubSpeech(context, ['en-US']);
  await page.goto(server.url + LIKE_FOR_CASH);
  await startLikeForCash(page);
  await page.locator('section.scenario[data-step="ad"] #spot-done').waitFor();
  assert.equal(await page.locator('.read-aloud').count(), 0, 'an English voice does not read Chinese');
  await page.locator('#lang-switch').click();
  await page.locator('.read-aloud').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** Text whose line spacing is under 1.3 (适老化 guidance), as "tag.class: ratio". */
const tightLines = page => page.evaluate(() => {
  const tight = [];
  for (const el of document.querySelectorAll('body *')) {
    const hasText = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!hasText || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    const ratio = parseFloat(style.lineHeight) / parseFloat(style.fontSize);
    if (!(ratio >= 1.3)) tight.push(`${el.tagName.toLowerCase()}.${el.className}: ${style.lineHeight}`);
  }
  return [...new Set(tight)];
});

/** Plays like-for-cash with axe (and the line spacing) checking the start, spot, debrief and result screens. */
async function axeThroughARound(page, label) {
  await page.goto(server.url + LIKE_FOR_CASH);
  await page.locator('#large-text').waitFor();
  const check = async screen => {
    // Messages fade in: contrast is judged once they have arrived.
    await page.waitForFunction(() => document.getAnimations().length === 0);
    assert.deepEqual(await axeViolations(page), [], `${label}: ${screen}`);
    assert.deepEqual(await tightLines(page), [], `${label}: line spacing on ${screen}`);
  };
  await check('start');
  await startLikeForCash(page);
  await submitSpot(page, 'ad');
  await choice(page, 'ad-decide', 0).click();
  await choice(page, 'first-task', 0).click();
  await tapPhrase(page, 'move-to-app', '先垫付298元');
  await check('flag spotting');
  await page.locator('#spot-done').click();
  await playToEndCard(page, 0);
  await check('end card');
  await page.locator('#see-debrief').click();
  await check('debrief');
  await page.locator('#next').click();
  await page.locator('[data-level="4"]').click();
  await page.locator('.result .actions').waitFor(); // all of the results: their top paints first
  await check('result');
}

test('axe finds nothing at 200% text', async () => {
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  await context.addInitScript(() => addEventListener('DOMContentLoaded', () => document.documentElement.style.setProperty('font-size', '200%')));
  await axeThroughARound(page, '200% text');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dark mode: the page is dark and axe finds nothing, with read aloud and 大字 on', async () => {
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  await stubSpeech(context, ['zh-CN']);
  await context.addInitScript(() => localStorage.setItem('scamspot.large-text', '1'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await axeThroughARound(page, 'dark mode');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.app')).backgroundColor), 'rgb(18, 18, 18)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dark mode reaches the embeds: the <scam-spot> element (its host theme too, and 大字) and the iframe', async t => {
  const examples = await startExamples();
  t.after(() => examples.close());
  const { context, page } = await phonePage(browser, 'zh-CN');
  t.after(() => context.close());
  await page.emulateMedia({ colorScheme: 'dark' });
  const colours = el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color]; };
  const DARK = ['rgb(18, 18, 18)', 'rgb(236, 236, 236)'];

  await page.goto(`${examples.host}/examples/campus-script.html?widget=${examples.widget}`);
  const widget = page.locator('#zh-widget');
  await widget.locator('#start').waitFor();
  assert.deepEqual(await widget.locator('.embed-root').evaluate(colours), DARK);
  // The host's theme colour (a dark red) gives way to the dark accent, which dark text can sit on.
  assert.equal(await widget.locator('#start').evaluate(e => getComputedStyle(e).backgroundColor), 'rgb(111, 220, 154)');
  // 大字 works inside the shadow root too, where the app's own root grows.
  await widget.locator('#large-text').click();
  assert.equal(await widget.locator('#start').evaluate(e => getComputedStyle(e).fontSize), '20px');

  await page.goto(`${examples.host}/examples/campus-iframe.html?widget=${examples.widget}`);
  const frame = page.frameLocator('#scamspot-frame');
  await frame.locator('#start').waitFor();
  assert.deepEqual(await frame.locator('.app').evaluate(colours), DARK);
});
