// WebKit for the browser tests, as iOS and the in-app browsers a QR code opens
// use it: Debian's WebKitGTK (its MiniBrowser) driven by WebKitWebDriver over
// W3C WebDriver with plain fetch, on a private Xvfb display, since this
// MiniBrowser has no headless mode.
//
// A phone viewport: MiniBrowser's toolbar would keep its window about 447 px
// wide, so a GTK style sheet of our own (in a private XDG_CONFIG_HOME) shrinks
// the toolbar to a sliver; the window is then sized so that the page gets
// exactly 360x740 CSS px. (Zooming the page instead, with GDK_DPI_SCALE,
// puts WebDriver's clicks off target.)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

export const VIEWPORT = { width: 360, height: 740 };
const DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = fs.readdirSync('/usr/lib').map(dir => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`).find(f => fs.existsSync(f));
/** The W3C name under which an element reference travels. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const { port } = server.address();
  await new Promise(resolve => server.close(resolve));
  return port;
}

/** Starts Xvfb on a display number it picks itself; resolves to ':N'. */
async function startDisplay(children) {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  children.push(xvfb);
  const number = await new Promise((resolve, reject) => {
    xvfb.stdio[3].once('data', data => resolve(String(data).trim()));
    xvfb.once('exit', code => reject(new Error(`Xvfb exited (${code})`)));
    xvfb.once('error', error => reject(new Error(`cannot start Xvfb (scripts/setup.sh installs it): ${error.message}`)));
  });
  return `:${number}`;
}

/** A WebKitWebDriver with `env`; resolves once it answers. */
async function startDriver(env, children) {
  const port = await freePort();
  const driver = spawn(DRIVER, [`--port=${port}`], { env: { ...process.env, ...env }, stdio: 'ignore' });
  children.push(driver);
  const failed = new Promise((resolve, reject) => driver.once('error', error =>
    reject(new Error(`cannot start ${DRIVER} (scripts/setup.sh installs it): ${error.message}`))));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await Promise.race([fetch(`${url}/status`).then(r => r.ok, () => false), failed])) return url;
    await sleep(50);
  }
  throw new Error('WebKitWebDriver did not start');
}

/** One W3C WebDriver request; throws the driver's error message. */
async function command(url, method, path, body) {
  const response = await fetch(url + path, { method, headers: { 'content-type': 'application/json' },
    body: body && JSON.stringify(body) });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${value.error}: ${value.message}`);
  return value;
}

/** A MiniBrowser window through the driver at `url`. */
async function newSession(url) {
  const { sessionId } = await command(url, 'POST', '/session', { capabilities: { alwaysMatch: {
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } } });
  const call = (method, path, body) => command(url, method, `/session/${sessionId}${path}`, body);
  return { call, close: () => call('DELETE', '') };
}

/** A private XDG home whose GTK style sheet shrinks MiniBrowser's toolbar; WebKit keeps its data there too. */
function privateHome() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'scamspot-webkit-'));
  fs.mkdirSync(path.join(home, 'gtk-3.0'));
  fs.writeFileSync(path.join(home, 'gtk-3.0', 'gtk.css'), '* { font-size: 1px; padding: 0; margin: 0; min-width: 0; '
    + 'min-height: 0; border-width: 0; -gtk-icon-transform: scale(0.1); }\n');
  return home;
}

/** Starts WebKit with a 360x740 viewport. Close it with `page.close()`. */
export async function launchWebKit() {
  const children = [];
  const home = privateHome();
  const stop = async () => {
    await Promise.all(children.map(child => new Promise(resolve => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill();
    })));
    fs.rmSync(home, { recursive: true, force: true });
  };
  try {
    const display = await startDisplay(children);
    const url = await startDriver({ DISPLAY: display, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_CACHE_HOME: home,
      MESA_SHADER_CACHE_DISABLE: 'true' }, children);
    const session = await newSession(url);
    await session.call('POST', '/window/rect', VIEWPORT);
    const toolbar = VIEWPORT.height - await session.call('POST', '/execute/sync', { script: 'return innerHeight', args: [] });
    await session.call('POST', '/window/rect', { width: VIEWPORT.width, height: VIEWPORT.height + toolbar });
    return webkitPage(session, () => session.close().finally(stop));
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What a test does with the page: the few WebDriver commands it needs, with waiting built in. */
function webkitPage(session, close) {
  const { call } = session;
  const page = {
    close,
    goto: url => call('POST', '/url', { url }),
    /** Runs `script` (a function body; `arguments` holds `args`) in the page. */
    evaluate: (script, ...args) => call('POST', '/execute/sync', { script, args }),
    /** The first displayed element matching `css` (and containing `text`, if given), waiting up to 15 s. */
    async find(css, text) {
      const until = Date.now() + 15000;
      for (;;) {
        // An element replaced while it is looked at is skipped, never an error.
        const matches = await call('POST', '/elements', { using: 'css selector', value: css }).catch(() => []);
        for (const found of matches) {
          const element = found[ELEMENT];
          const shows = await call('GET', `/element/${element}/displayed`).catch(() => false);
          if (shows && (text === undefined || (await call('GET', `/element/${element}/text`).catch(() => '')).includes(text))) {
            return element;
          }
        }
        if (Date.now() > until) throw new Error(`nothing displayed matches ${css}${text ? ` with "${text}"` : ''}`);
        await sleep(100);
      }
    },
    /** Taps the first displayed element matching `css` (and `text`), as a finger would: a WebDriver element click. */
    async tap(css, text) {
      await call('POST', `/element/${await page.find(css, text)}/click`, {});
    },
    async text(css) {
      return call('GET', `/element/${await page.find(css)}/text`);
    },
  };
  return page;
}
