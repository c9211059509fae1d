// Serves the embedding examples on two origins, as on a real campus site:
//   widget origin (default 8080): the built app (dist/) and /examples/
//   host origin   (default 8090): /examples/ only, embedding from the widget origin
// The widget origin sends CORS headers (a host page loads embed.js and the
// packs from it); /examples/csp.html is served with the strict CSP header.
// usage: node scripts/examples-server.mjs [widget-port] [host-port]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
export const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; default-src 'self'";

function handler(roots, { cors, overrides = {} }) {
  return (req, res) => {
    const wanted = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const headers = { 'cache-control': 'no-store' };
    if (cors) headers['access-control-allow-origin'] = '*';
    if (wanted === '/examples/csp.html') headers['content-security-policy'] = STRICT_CSP;
    if (overrides[wanted] !== undefined) {
      res.writeHead(200, { ...headers, 'content-type': types[path.extname(wanted)] || 'text/plain' });
      return res.end(overrides[wanted]);
    }
    for (const [prefix, dir] of roots) {
      if (!wanted.startsWith(prefix)) continue;
      let file = path.join(dir, wanted.slice(prefix.length));
      if (!file.startsWith(dir)) break;
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (!fs.existsSync(file)) continue;
      res.writeHead(200, { ...headers, 'content-type': types[path.extname(file)] || 'application/octet-stream' });
      return res.end(fs.readFileSync(file));
    }
    res.writeHead(404, headers);
    res.end('not found');
  };
}

/** Starts both origins; port 0 picks free ports. `overrides` and `hostOverrides`
 *  map a path on the widget or the host origin to a body served instead. */
export async function startExamples(widgetPort = 0, hostPort = 0, overrides = {}, hostOverrides = {}) {
  const examples = path.join(repo, 'examples'), dist = path.join(repo, 'dist');
  const widget = http.createServer(handler([['/examples/', examples], ['/', dist]], { cors: true, overrides }));
  const host = http.createServer(handler([['/examples/', examples]], { cors: false, overrides: hostOverrides }));
  await new Promise(r => widget.listen(widgetPort, '127.0.0.1', r));
  await new Promise(r => host.listen(hostPort, '127.0.0.1', r));
  return {
    widget: `http://127.0.0.1:${widget.address().port}`,
    host: `http://127.0.0.1:${host.address().port}`,
    close: () => { widget.close(); host.close(); },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await startExamples(Number(process.argv[2] || 8080), Number(process.argv[3] || 8090));
  console.log(`script embed (host origin): ${s.host}/examples/campus-script.html?widget=${s.widget}`);
  console.log(`iframe embed (host origin): ${s.host}/examples/campus-iframe.html?widget=${s.widget}`);
  console.log(`strict CSP page:            ${s.widget}/examples/csp.html`);
}
