// What a learner waits for after scanning the QR code, on the phone profile:
// opens the app's page, taps Start and a confidence rating the moment each
// shows, and notes when the first scenario's screen shows (scenario_ms) and
// its first message (play_ms: the chat's own pacing after that is not load
// time), with the compressed bytes received until then (play_kb).
// rating_respond_ms: the rating tap on the static start screen, on the
// harness's tap-to-paint clock.
// usage: node scripts/bench-play.mjs URL   (one run, prints one JSON line)
import { launch, phonePage, respondMs, visibleAtMs } from './bench-phone.mjs';

const url = process.argv[2];
const browser = await launch();
const { page, errors, bytes, origins } = await phonePage(browser);
await page.goto(url, { waitUntil: 'commit' });
await page.locator('#start').click();
const rating_respond_ms = await respondMs(page.locator('[data-level="3"]'));
const scenario_ms = await visibleAtMs(page, page.locator('section.scenario'));
const play_ms = await visibleAtMs(page, page.locator('section.scenario .transcript .msg'));
const play_kb = Math.round(bytes() / 1024);
await browser.close();
console.log(JSON.stringify({ url, play_ms, scenario_ms, play_kb, rating_respond_ms, origins: origins(), errors }));
