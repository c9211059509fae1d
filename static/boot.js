// Which app this page starts, and its wasm's download, asked for as the
// page's head is parsed. Inlined at the top of <head> in index.html (its
// CSP hash is added at build time); the start-up script (static/shell.js),
// which runs only once the start screen below has been parsed, takes both
// from window.scamspotBoot. The wasm is most of what the first scenario
// waits for on a slow network, and the network sat idle until the start-up
// script asked for it: from here its request went out up to 190 ms sooner
// on the phone profile, and the first scenario message came about 80 ms
// sooner (medians of 28), with the start screen's first frame unchanged
// (issue 12, twelfth round). Only the wasm: the pack index and the app's JS
// asked for here too made the start screen's first frame later (eleventh
// round).
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
  var entry = staff
    ? { js: '__STAFF_JS__', wasm: '__STAFF_WASM__', start: 'start_staff' }
    : lecture
      ? { js: '__LECTURE_JS__', wasm: '__LECTURE_WASM__', start: 'start_lecture' }
      : hosted
        ? { js: '__HOSTED_JS__', wasm: '__HOSTED_WASM__', start: 'start_app' }
        : { js: '__APP_JS__', wasm: '__APP_WASM__', start: 'start_app', imports: ['__APP_CHUNK_LOADER__'] };
  var wasm = fetch(entry.wasm);
  wasm.catch(function () { /* the start-up script's compile() reports it */ });
  window.scamspotBoot = { entry: entry, lecture: lecture, wasm: wasm };
})();
