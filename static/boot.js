// Which app this page starts, in which language, and its downloads, asked
// for as the page's head is parsed: the app's wasm, its JS (and the modules
// that JS imports, the lean app's wasm chunk loader) and the pack index.
// Inlined at the top of <head> in index.html (its CSP hash is added at build
// time); the start-up script (static/shell.js), which runs only once the
// start screen below has been parsed, takes them from window.scamspotBoot
// and reads them once that screen has painted. The wasm is most of what the
// first scenario waits for on a slow network, and the network sat idle until
// the start-up script asked: from here the wasm's request went out up to 190
// ms sooner on the phone profile, and the first scenario message came about
// 80 ms sooner (medians of 28; issue 12, twelfth round); the JS and the
// index from here too, about 120 ms sooner again (medians of 28; thirteenth
// round). The start screen's first frame was unchanged both times (medians
// of 16; then four batches of 16 to 30 loads). Only asked for: reading them
// here too, as the eleventh round's head script did, made the start screen's
// first frame later.
(function () {
  var query = new URLSearchParams(location.search);
  var has = function (name) { return query.has(name); };
  // The campaign staff pages (issue 16) have a wasm of their own, like the lecture pages.
  var staff = ['campaigns', 'campaign-admin', 'verify'].some(has);
  var lecture = staff || ['room', 'present'].some(has);
  // A campaign class link (?campaign=) and a host's own pack (?pack-url=)
  // need the hosted learner app (scamspot-hosted); the app's own page
  // otherwise loads the lean one, which every learner scanning a QR code gets.
  var hosted = ['campaign', 'pack-url'].some(has);
  // The learner's language, as the app picks it: the page's lang=, else the
  // one saved, else the browser's first Chinese or English, else Chinese.
  var saved = null;
  try { saved = localStorage.getItem('scamspot.lang'); } catch (e) { /* storage blocked */ }
  var forced = query.has('lang') ? [query.get('lang')] : [];
  var wanted = forced.concat(saved ? [saved] : (navigator.languages || [navigator.language || '']));
  var lang = 'zh-CN';
  for (var i = 0; i < wanted.length; i++) {
    var code = String(wanted[i]).trim().toLowerCase();
    if (code.indexOf('zh') === 0) { lang = 'zh-CN'; break; }
    if (code.indexOf('en') === 0) { lang = 'en'; break; }
  }
  var entry = staff
    ? { js: '__STAFF_JS__', wasm: '__STAFF_WASM__', start: 'start_staff' }
    : lecture
      ? { js: '__LECTURE_JS__', wasm: '__LECTURE_WASM__', start: 'start_lecture' }
      : hosted
        ? { js: '__HOSTED_JS__', wasm: '__HOSTED_WASM__', start: 'start_app' }
        : { js: '__APP_JS__', wasm: '__APP_WASM__', start: 'start_app', imports: ['__APP_CHUNK_LOADER__'],
          // The lean app starts from the index in the learner's language
          // alone (SiteIndex::in_language: about 4 KB less of gzip before
          // the first scenario, 6 of 10); the others read every language.
          index: 'packs/index.' + lang + '.json' };
  entry.index = entry.index || 'packs/index.json';
  var wasm = fetch(entry.wasm);
  wasm.catch(function () { /* the start-up script's compile() reports it */ });
  var index = fetch(entry.index);
  index.catch(function () { /* the app fetches it again and reports the problem */ });
  // The modules the JS imports too: the browser would ask for them only
  // once it had read the JS.
  [entry.js].concat(entry.imports || []).forEach(function (module) {
    var preload = document.createElement('link');
    preload.rel = 'modulepreload';
    preload.href = module;
    document.head.appendChild(preload);
  });
  window.scamspotBoot = { entry: entry, lecture: lecture, lang: lang, wasm: wasm, index: index };
})();
