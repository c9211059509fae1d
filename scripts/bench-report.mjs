// Prints the bench medians side by side with the ratios the targets are set in.
import fs from 'node:fs';
const dir = process.argv[2];
const read = name => JSON.parse(fs.readFileSync(`${dir}/${name}.json`, 'utf8').trim().split('\n').pop());
const rows = { 'ScamSpot start': read('start'), floor: read('floor'), 'react-quiz': read('react') };
const answer = read('answer');
const cols = ['ready_ms', 'fcp_ms', 'respond_ms', 'kb', 'requests', 'heap_mb'];
console.log(['page'.padEnd(18), ...cols.map(c => c.padStart(10))].join(''));
for (const [name, r] of Object.entries(rows)) console.log([name.padEnd(18), ...cols.map(c => String(r[c]).padStart(10))].join(''));
const app = rows['ScamSpot start'], floor = rows.floor, react = rows['react-quiz'];
const ratio = (a, b) => (b ? (a / b).toFixed(2) : 'n/a');
console.log(`\nready_ms   ScamSpot/floor ${ratio(app.ready_ms, floor.ready_ms)} (target ≤ 1.2)   ScamSpot/react-quiz ${ratio(app.ready_ms, react.ready_ms)} (target < 1)`);
console.log(`respond_ms ScamSpot/floor ${ratio(app.respond_ms, floor.respond_ms)} on the start button (target ≤ 1.5)`);
console.log(`respond_ms ScamSpot/floor ${ratio(answer.answer_respond_ms, floor.respond_ms)} on an answer in a scenario: ${answer.answer_respond_ms} ms (target ≤ 1.5)`);
console.log(`kb         ScamSpot ${app.kb} KB on the wire (target ≤ 90)`);
const origins = new Set(Object.values(rows).flatMap(r => r.origins));
const errors = Object.values(rows).flatMap(r => r.errors);
console.log(`origins contacted: ${[...origins].join(', ')}${errors.length ? `\npage errors: ${errors.join('; ')}` : ''}`);
