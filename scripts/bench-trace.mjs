// Where play_ms goes (bench-play.mjs's run, on the same phone profile): the
// moments from navigation to the first scenario message, each in ms since
// navigation started. Network figures come from resource timing (request
// sent, first byte, last byte); the rest from hooks the page gets before any
// of its scripts run: WebAssembly compile and instantiate, and the DOM
// changes the learner sees (the app mounting over the static start screen,
// the scenario, its first message).
// usage: node scripts/bench-trace.mjs URL   (one run, prints one JSON line)
import { launch, phonePage, stopped } from './bench-phone.mjs';

const url = process.argv[2];
const browser = await launch();
const { page, errors } = await phonePage(browser);

// Runs in the page before its own scripts: notes each moment once, in `scamspotTrace`.
function hooks() {
  const trace = (window.scamspotTrace = {});
  const mark = name => { if (!(name in trace)) trace[name] = Math.round(performance.now()); };
  const wrap = (name, label) => {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      mark(`${label}_start`);
      return original.apply(this, args).then(result => { mark(`${label}_end`); return result; });
    };
  };
  wrap('compileStreaming', 'compile');
  wrap('compile', 'compile');
  wrap('instantiate', 'instantiate');
  new MutationObserver(() => {
    const app = document.getElementById('app');
    if (!app) return;
    if (app.querySelector('.shell-confidence:not([hidden])')) mark('rating_shown');
    if (app.querySelector('.shell-loading:not([hidden])')) mark('rating_tapped');
    if (!app.querySelector('.shell-home') && app.childElementCount) mark('app_mounted');
    if (app.querySelector('section.scenario')) mark('scenario_shown');
    if (app.querySelector('section.scenario .transcript .msg')) mark('first_message');
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

let result = {};
try {
  await page.addInitScript(hooks);
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('#start').click();
  await page.locator('[data-level="3"]').click();
  await page.locator('section.scenario .transcript .msg').first().waitFor({ state: 'visible', timeout: 60000 });
  result = await page.evaluate(() => {
    const network = {};
    for (const entry of performance.getEntriesByType('resource')) {
      const name = new URL(entry.name).pathname.replace(/^\//, '').replace(/-[0-9a-f]{16}/, '');
      if (!/\.(js|wasm|json)$/.test(name)) continue;
      network[name] = [entry.startTime, entry.responseStart, entry.responseEnd].map(Math.round);
    }
    return { marks: window.scamspotTrace, network };
  });
} catch (error) {
  errors.push(stopped(error));
}
await browser.close();
console.log(JSON.stringify({ url, ...result, errors }));
