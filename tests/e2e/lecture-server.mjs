// The lecture server (crates/server) as a real process on a loopback port,
// serving the built dist/ with its rooms in a fresh SQLite file: what the
// lecture browser test drives. `cargo test --workspace` (scripts/test.sh)
// has built the debug binary by then; run alone, the test builds it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');
const binary = path.join(process.env.CARGO_TARGET_DIR || path.join(repo, 'target'), 'debug', 'scamspot-server');
export const HOST_KEY = 'lecture-test-key';

function ensureBuilt() {
  if (fs.existsSync(binary)) return;
  const built = spawnSync('cargo', ['build', '--quiet', '-p', 'scamspot-server'], { cwd: repo, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('cargo build -p scamspot-server failed');
}

/** Starts the server on `bind` (a free port when 0); resolves when it listens. */
function run(db, bind) {
  const child = spawn(binary, ['--dist', path.join(repo, 'dist'), '--bind', bind, '--db', db],
    { env: { ...process.env, SCAMSPOT_HOST_KEY: HOST_KEY }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', code => reject(new Error(`scamspot-server exited (${code}): ${out}`)));
    child.stdout.on('data', data => {
      out += data;
      const listening = /listening on (http:\/\/\S+?),/.exec(out);
      if (listening) resolve({ child, url: listening[1] });
    });
  });
}

/** A lecture server; `restart()` kills it and starts it again on the same port and database. */
export async function startLectureServer() {
  ensureBuilt();
  const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scamspot-lecture-')), 'rooms.sqlite3');
  let { child, url } = await run(db, '127.0.0.1:0');
  const stop = () => new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.on('exit', resolve);
    child.kill('SIGKILL');
  });
  return {
    url,
    stop,
    async restart() {
      await stop();
      ({ child } = await run(db, new URL(url).host));
    },
  };
}

/** Opens a room for `scenarios` over the server's HTTP API, as the presenter page does. */
export async function openRoom(url, scenarios, lang = 'zh-CN') {
  const response = await fetch(`${url}/api/rooms`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ host_key: HOST_KEY, scenarios, lang }),
  });
  if (!response.ok) throw new Error(`POST /api/rooms: ${response.status} ${await response.text()}`);
  return response.json();
}
