// What a learner waits for after scanning the QR code, on the phone profile:
// opens the app's page, taps Start and a confidence rating the moment each
// shows, and notes when the first scenario's screen shows (scenario_ms) and
// its first message (play_ms: the chat's own pacing after that is not load
// time), with the compressed bytes received until its frame (play_kb; the
// chunks of wasm and the round's other packs download after it).
// rating_respond_ms: the rating tap on the static start screen, on the
// harness's tap-to-paint clock. play_frame_ms: the first message's frame,
// noted in the page (watchPaint), beside play_ms read as the harness reads
// ready_ms, through Playwright's polling; play_kb_read, the bytes received
// by the time that polling saw the message.
// usage: node scripts/bench-play.mjs URL   (one run, prints one JSON line;
// a step that failed is named in its errors, and its figures are left out)
import { bytesUntil, launch, paintedAtMs, phonePage, respondMs, stopped, visibleAtMs, watchPaint } from './bench-phone.mjs';

const url = process.argv[2];
const browser = await launch();
const { page, errors, bytes, origins } = await phonePage(browser);
const figures = {};
try {
  await watchPaint(page, { message: 'section.scenario .transcript .msg' });
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('#start').click();
  figures.rating_respond_ms = await respondMs(page.locator('[data-level="3"]'));
  figures.scenario_ms = await visibleAtMs(page, page.locator('section.scenario'));
  figures.play_ms = await visibleAtMs(page, page.locator('section.scenario .transcript .msg'));
  figures.play_kb_read = Math.round(bytes() / 1024);
  figures.play_frame_ms = await paintedAtMs(page, 'message');
  figures.play_kb = Math.round((await bytesUntil(page, figures.play_frame_ms)) / 1024);
} catch (error) {
  errors.push(stopped(error));
}
await browser.close();
console.log(JSON.stringify({ url, ...figures, origins: origins(), errors }));
