// Tap-to-paint on every kind of button a learner taps, on the phone profile,
// with the harness's clock (a tap until the DOM changed and a frame was
// painted; -1: nothing happened within 10 s). Opens a linked scenario that
// starts with a spot step and plays it like a learner:
//   switch_static: the language switch of the static start screen
//   phrase, spot_done: a flag phrase of the spot step, then its Done
//   switch_app: the app's language switch, in the scenario
//   choice: an answer of the next decision
//   rating_app: the closing confidence rating, which opens the result
//   start_app: Start on the app's own start screen, after the round
// Each tap comes after a short pause, as a learner reads before tapping
// (and the scroll to the new message has ended).
// Then reads the memory in use on the result screen (after a GC).
// usage: node scripts/bench-answer.mjs URL   (one run, prints one JSON line,
// with what it measured before a step failed, if one did)
import { launch, memoryMb, phonePage, respondMs, stopped } from './bench-phone.mjs';

const url = process.argv[2];
const browser = await launch();
const { page, cdp, errors, origins } = await phonePage(browser);
const respond = {};
const READ_MS = 500;
const tap = async locator => {
  await locator.first().waitFor({ timeout: 60000 });
  await page.waitForTimeout(READ_MS);
  return respondMs(locator);
};
let memory = {};
try {
  await page.goto(url, { waitUntil: 'commit' });
  respond.switch_static = await respondMs(page.locator('.shell-switch'));
  await page.locator('#start').click();
  await page.locator('[data-level="3"]').click();
  await page.locator('#spot-done').waitFor({ timeout: 60000 });
  respond.phrase = await tap(page.locator('.phrase:not(.tapped)'));
  respond.spot_done = await tap(page.locator('#spot-done'));
  await page.locator('.choice').first().waitFor({ timeout: 60000 });
  respond.switch_app = await tap(page.locator('#lang-switch'));
  respond.choice = await tap(page.locator('.choice'));
  // The rest of the scenario, whatever it holds, to its end card.
  for (let i = 0; i < 60 && !(await page.locator('.end-card').count()); i++) {
    const next = page.locator('.end-card, .choice, #spot-done, .waiting .link').first();
    await next.waitFor({ timeout: 30000 });
    await next.click().catch(() => {}); // replaced under the tap: the loop looks again
  }
  await page.locator('#see-debrief').click();
  await page.locator('#next').click();
  respond.rating_app = await tap(page.locator('[data-level="4"]'));
  await page.locator('#result-points').waitFor();
  memory = await memoryMb(cdp);
  await page.locator('.result .actions .secondary').click();
  respond.start_app = await tap(page.locator('#start'));
} catch (error) {
  errors.push(stopped(error)); // the figures so far still count
}
await browser.close();
console.log(JSON.stringify({ url, respond, ...memory, origins: origins(), errors }));
