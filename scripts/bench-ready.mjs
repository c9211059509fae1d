// ready_ms as a frame, not a poll: navigation start until the first frame
// showing a visible, enabled button (or SELECTOR), noted in the page at
// each animation frame (bench-phone.mjs, watchPaint). The harness reads
// ready_ms through Playwright's polling, which lands up to 500 ms late; this
// reads every page, ScamSpot and the reference pages alike, to the frame,
// and the bytes that had arrived by that frame (ready_kb: the harness's kb
// adds whatever arrived before its late reading, the app's wasm among them).
// usage: node scripts/bench-ready.mjs URL [SELECTOR]   (one run, one JSON line)
import { bytesUntil, launch, paintedAtMs, phonePage, stopped, watchPaint } from './bench-phone.mjs';

const [url, selector = 'button'] = process.argv.slice(2);
const browser = await launch();
const { page, errors, origins } = await phonePage(browser);
const figures = {};
try {
  await watchPaint(page, { ready: selector });
  await page.goto(url, { waitUntil: 'commit' });
  figures.ready_frame_ms = await paintedAtMs(page, 'ready');
  figures.ready_kb = Math.round((await bytesUntil(page, figures.ready_frame_ms)) / 1024);
} catch (error) {
  errors.push(stopped(error));
}
await browser.close();
console.log(JSON.stringify({ url, ...figures, origins: origins(), errors }));
