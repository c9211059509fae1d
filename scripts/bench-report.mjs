// Prints the bench medians side by side with the ratios the targets are set in.
// usage: node bench-report.mjs RESULTS-DIR DIST-DIR
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
const [dir, dist] = process.argv.slice(2);
const lines = name => fs.readFileSync(`${dir}/${name}.jsonl`, 'utf8').trim().split('\n').map(l => JSON.parse(l));
const median = (list, key) => { const v = list.map(r => r[key]).filter(x => x != null).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
const cols = ['ready_ms', 'fcp_ms', 'respond_ms', 'kb', 'requests', 'heap_mb'];
const rows = { ScamSpot: lines('start'), floor: lines('floor'), 'react-quiz': lines('react') };
const med = Object.fromEntries(Object.entries(rows).map(([k, list]) => [k, Object.fromEntries(cols.map(c => [c, median(list, c)]))]));
const answer = lines('answer');
const ans = { respond: median(answer, 'answer_respond_ms'), first: median(answer, 'first_choice_ms'), heap: median(answer, 'heap_after_round_mb') };
console.log(`medians of ${rows.ScamSpot.length} interleaved runs, phone profile (4x CPU, slow 4G, 360x740, cache off)\n`);
console.log(['page'.padEnd(12), ...cols.map(c => c.padStart(11))].join(''));
for (const [name, r] of Object.entries(med)) console.log([name.padEnd(12), ...cols.map(c => String(r[c]).padStart(11))].join(''));
const ratio = (a, b) => (a / b).toFixed(2);
const [app, floor, react] = [med.ScamSpot, med.floor, med['react-quiz']];
console.log(`
ready_ms      ScamSpot/floor ${ratio(app.ready_ms, floor.ready_ms)} (target ≤ 1.2), ScamSpot/react-quiz ${ratio(app.ready_ms, react.ready_ms)} (target < 1)
respond_ms    start button: ScamSpot/floor ${ratio(app.respond_ms, floor.respond_ms)} (target ≤ 1.5)
respond_ms    answer in a scenario: ${ans.respond} ms, ScamSpot/floor ${ratio(ans.respond, floor.respond_ms)} (target ≤ 1.5)
kb            before the first usable button: ${app.kb} KB (target ≤ 90)
first choice  navigation → Start → rating → first choice of a scenario on screen: ${ans.first} ms
heap          after a full round: ${ans.heap} MB (target ≤ 6)`);
const gz = file => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const files = fs.readdirSync(dist);
const kb = n => (n / 1024).toFixed(1);
const wasm = files.find(f => f.endsWith('.wasm')), js = files.find(f => /^scamspot.*\.js$/.test(f));
const packs = fs.readdirSync(path.join(dist, 'packs'), { recursive: true }).filter(f => f.endsWith('.json') && f !== 'index.json').map(f => gz(path.join(dist, 'packs', f)));
console.log(`gzip sizes    index.html ${kb(gz(path.join(dist, 'index.html')))} KB, app JS ${kb(gz(path.join(dist, js)))} KB, wasm ${kb(gz(path.join(dist, wasm)))} KB, packs/index.json ${kb(gz(path.join(dist, 'packs/index.json')))} KB, scenario packs ${kb(Math.min(...packs))}–${kb(Math.max(...packs))} KB (target ≤ 10 each)`);
const origins = new Set(Object.values(rows).flat().flatMap(r => r.origins));
console.log(`origins       ${[...origins].join(', ')}`);
