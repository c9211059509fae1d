// The start screen works before the app has loaded. This runs inline, right
// after the static start screen in index.html (its CSP hash is added at build
// time), so on a slow phone the first button answers after one round trip:
// it shows the language static/boot.js picked, sets the text size (大字),
// makes "Start" and the confidence buttons work, and leaves what the learner
// chose on #app for the wasm app to pick up. It reads the app's downloads
// (static/boot.js, in the page's head, has picked the app and asked for
// them) once the start screen has painted, starts the app once the learner
// has tapped (or the page has loaded), and registers the offline worker.
(function () {
  var boot = window.scamspotBoot;
  var entry = boot.entry;
  var lecture = boot.lecture;
  var root = document.getElementById('app');
  var lang = boot.lang;
  var query = new URLSearchParams(location.search);
  var linked = query.get('scenario');
  var quick = query.get('mode') === 'short' ? 'short' : 'quick'; // mode=short: the lecture round

  // 大字, as the app will show it: set before the first paint, so nothing jumps.
  var large = false;
  try { large = localStorage.getItem('scamspot.large-text') === '1'; } catch (e) { /* storage blocked */ }
  function setLarge(on) {
    large = on;
    root.querySelector('.app').classList.toggle('large-text', on);
    root.querySelector('.shell-text-size').setAttribute('aria-pressed', String(on));
  }
  setLarge(large);

  // The start screen's texts in each language, filled in at build time from the app's own strings.
  var texts = __SHELL_TEXTS__;
  function show(language) {
    lang = language;
    document.documentElement.lang = language;
    var nodes = root.querySelectorAll('[data-t]');
    for (var i = 0; i < nodes.length; i++) {
      var key = nodes[i].getAttribute('data-t');
      if (key === 'start' && linked) key = 'start_linked';
      nodes[i].textContent = texts[language][key];
    }
    var switcher = root.querySelector('.shell-switch');
    switcher.setAttribute('lang', language === 'en' ? 'zh-CN' : 'en');
    switcher.setAttribute('aria-label', texts[language].switch_label);
  }
  show(lang);

  function swap(from, to) {
    root.querySelector(from).hidden = true;
    root.querySelector(to).hidden = false;
  }

  root.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    // Once the app has drawn its own screens (whose rating buttons also
    // carry data-level), the static start screen's buttons are gone.
    if (!button || !root.contains(button) || !root.querySelector('.shell-home')) return;
    if (button.classList.contains('shell-switch')) {
      var other = lang === 'en' ? 'zh-CN' : 'en';
      try { localStorage.setItem('scamspot.lang', other); } catch (e) { /* storage blocked */ }
      show(other);
    } else if (button.classList.contains('shell-text-size')) {
      try { localStorage.setItem('scamspot.large-text', large ? '0' : '1'); } catch (e) { /* storage blocked */ }
      setLarge(!large);
    } else if (button.classList.contains('shell-start')) {
      root.setAttribute('data-start', linked ? 'single:' + linked : quick);
      swap('.shell-home', '.shell-confidence');
    } else if (button.hasAttribute('data-level')) {
      root.setAttribute('data-rating', button.getAttribute('data-level'));
      swap('.shell-confidence', '.shell-loading');
      afterNextPaint(function () { rated(); });
    }
  });

  // Runs `work` once the next frame has painted: from that frame, when the
  // browser is next idle (at most 500 ms later), or after a zero timeout
  // where there is no such thing (Safari); as the app's own
  // `after_next_paint` (src/web/paint.rs). Work started from a tap's own
  // handler runs before that tap's answer can paint: the app mounting at
  // the rating tap once its wasm was in held that tap's paint for 200-400 ms
  // on the phone profile (issue 12, ninth round).
  function afterNextPaint(work) {
    requestAnimationFrame(function () {
      if (window.requestIdleCallback) requestIdleCallback(work, { timeout: 500 });
      else setTimeout(work, 0);
    });
  }

  // The app takes over the screen only when no tap can be lost to it: not
  // while the static screen asks for the rating after Start. Mounted there,
  // it would draw its own rating screen, laid out a little differently, and
  // a finger already coming down on the static one would miss (a browser
  // test caught that one run in three). The rating is the only way off that
  // screen, so the app mounts at that tap, with the round chosen and rated.
  var rated = function () {};
  function notAskingForRating() {
    var asking = root.querySelector('.shell-confidence');
    if (!asking || asking.hidden) return Promise.resolve();
    return new Promise(function (resolve) { rated = resolve; });
  }

  // What the app needs is asked for by boot.js, while the page is still
  // being parsed: the wasm, the app's JS and the pack index (the network
  // would idle otherwise until the first paint). What reads them waits for
  // that paint, so none of it holds the start screen back:
  // compiling the wasm as it streams in, running the app's JS, and the
  // index's choice of the pack to fetch next, a linked scenario's or the
  // scam a quick round opens with (the index and that pack are handed over
  // to the app, which would otherwise fetch them only after it has started).
  // Measured on the phone profile (issue 12, ninth round), against the
  // wasm fetched after the first paint and the rest at the first tap: the
  // first scenario message about 300 ms sooner, ready_ms no later (medians
  // of 10 and 12). Their readers started here too made the start screen
  // about 80 ms later, and its rating tap slow. The app itself starts a
  // second after the page has loaded, or just after the first tap has
  // painted, whichever comes first.

  // The text of a download (a promise of its response).
  function textOf(fetched) {
    var text = fetched.then(function (response) {
      return response.ok ? response.text() : Promise.reject(new Error('HTTP ' + response.status));
    });
    text.catch(function () { /* the app fetches it again and reports the problem */ });
    return text;
  }
  // The scam a quick (or short) round opens with, picked as the app's
  // planner picks for a new learner: a type at random (of those `types=`
  // offers), then a scam of it. Its pack downloads beside the wasm, so the
  // round need not wait for one after the app starts; the app opens with it
  // where its planner could have drawn it (plan_round in
  // crates/core), always for a new learner, and otherwise plans as ever.
  function pickOpening(packs) {
    var offered = (query.get('types') || '').split(',').map(function (t) { return t.trim(); }).filter(Boolean);
    var scams = packs.filter(function (p) { return !p.genuine && (!offered.length || offered.indexOf(p.type) >= 0); });
    var types = scams.map(function (p) { return p.type; }).filter(function (t, i, all) { return all.indexOf(t) === i; });
    var type = types[Math.floor(Math.random() * types.length)];
    var ofType = scams.filter(function (p) { return p.type === type; });
    return ofType[Math.floor(Math.random() * ofType.length)];
  }
  // A campaign's round is drawn from its class's spec, a lecture page plays none.
  var opens = !lecture && !linked && !query.has('campaign');

  // The pack index read and a linked or opening pack fetched, the wasm
  // compiled, the app's JS run and its styles added (once, whoever asks
  // first); returns the wasm's compiling, the JS's import and the styles'
  // loading.
  var downloads = null;
  function download() {
    if (downloads) return downloads;
    var index = textOf(boot.index);
    // Taken by URL (src/web/browser.rs, take_prefetched). Not a
    // <link rel=preload>: WebKit would download the file again for the app.
    var prefetched = window.scamspotPrefetched = {};
    prefetched[entry.index] = index;
    index.then(function (text) {
      // That pack as soon as the index names its file. This runs before the
      // app, which takes the same index, reads data-opening.
      var packs = JSON.parse(text).packs;
      var pack = linked ? packs.filter(function (p) { return p.id === linked; })[0] : opens && pickOpening(packs);
      if (!pack) return;
      if (!linked) root.setAttribute('data-opening', pack.id);
      prefetched['packs/' + pack.file] = textOf(fetch('packs/' + pack.file));
    }).catch(function () {});
    var app = import(entry.js);
    app.catch(function () { /* start() reports it */ });
    // The app's screens' styles (the page inlines only the start screen's,
    // static/start.css), and the lecture and staff pages' own after them.
    // Asked for here rather than as the app starts (at the first tap):
    // there they held the first scenario message back, by 59 ms at the
    // mean of 40 interleaved pairs (issue 12, fifteenth round).
    var sheets = ['__SCREENS_CSS__'].concat(lecture ? ['server-pages.css'] : []);
    downloads = { module: compile(boot.wasm), app: app, styles: Promise.all(sheets.map(stylesheet)) };
    return downloads;
  }
  // Compiled as it streams in (off the main thread) where the browser can
  // and the server labels the wasm as wasm; from the downloaded bytes
  // otherwise (servers that send application/octet-stream, WebViews without
  // streaming), or when streaming fails (then the bytes are fetched again: a
  // rare path). The app gets the compiled module when it starts.
  function compile(fetching) {
    return fetching.then(function (response) {
      var type = (response.headers.get('content-type') || '').split(';')[0].trim();
      if (typeof WebAssembly.compileStreaming !== 'function' || type !== 'application/wasm') {
        return response.arrayBuffer().then(WebAssembly.compile);
      }
      return WebAssembly.compileStreaming(response).catch(function () {
        return fetch(entry.wasm).then(function (again) { return again.arrayBuffer(); }).then(WebAssembly.compile);
      });
    });
  }

  // A style sheet added to the page; resolves once it is in (or failed).
  function stylesheet(href) {
    var sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = href;
    var loaded = new Promise(function (resolve) { sheet.onload = sheet.onerror = resolve; });
    document.head.appendChild(sheet);
    return loaded;
  }

  // Resolves once the app has drawn its first screen in place of the
  // static one (the app empties #app, then mounts into it), and that has painted.
  function appDrawn() {
    return new Promise(function (resolve) {
      var watch = new MutationObserver(function () {
        if (root.querySelector('.shell-home')) return;
        watch.disconnect();
        afterNextPaint(resolve);
      });
      watch.observe(root, { childList: true });
    });
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    var read = download();
    read.app
      .then(function (app) {
        return read.module.then(function (module) { return app.default({ module_or_path: module }); })
          .then(function () { return read.styles; })
          .then(notAskingForRating)
          .then(function () {
            var drawn = appDrawn(); // watching before the app can draw
            app[entry.start]();
            return drawn;
          });
      })
      .then(function () {
        // Offline after the first visit. Registered once the app's first
        // screen has painted: its worker's download of the whole site
        // (about 70 files) started with the app, while the app was still
        // drawing, held the first scenario message back by about 140 ms on
        // the phone profile (issue 12, eleventh round). Only the app's own
        // page registers it (an embed never does). Some in-app WebViews
        // have the property but no worker behind it. Not from a
        // lecture page: five hundred phones caching the whole site at once
        // would crowd the hall's Wi-Fi, and a room needs the server anyway.
        var workers = navigator.serviceWorker;
        if (workers && !lecture) workers.register('sw.js').catch(function () {});
      });
  }
  // A lecture room's phone page (?room=), the presenter's (?present) or a
  // campaign staff page (?campaigns, ?campaign-admin=, ?verify): no start
  // screen to read there, so their own app (a wasm of its own, which the
  // solo app never downloads) starts at once.
  // A campaign class link (?campaign=) starts its app at once too: its start
  // screen, with the campaign's details, is the app's.
  if (lecture || query.has('campaign')) {
    swap('.shell-home', '.shell-loading');
    start();
  } else {
    // What reads the downloads, once the start screen has painted.
    afterNextPaint(download);
    addEventListener('load', function () { setTimeout(start, 1000); });
    // Once the first tap's answer has painted.
    root.addEventListener('click', function () { afterNextPaint(start); });
  }
})();
