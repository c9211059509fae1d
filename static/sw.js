// Offline after the first visit. The build (scamspot-site) fills in the
// version and the file list, so every deployment gets its own cache and the
// old one is deleted once the new worker takes over.
const VERSION = '__VERSION__';
const CACHE = 'scamspot-' + VERSION;
const PRECACHE = __PRECACHE__;
// Kept once a page has used them (the hosted app: a class link, a host's
// pack), not downloaded ahead by every learner's phone.
const ON_USE = new Set(__ON_USE__.map(file => new URL(file, self.location).href));

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('scamspot-') && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The page and the pack index (in every language, and in each alone): network
// first, so a new deployment shows on the next load; the cached copy when
// offline. Everything else (wasm, JS, packs of this version): cache first.
const FRESH = [/\/$/, /\/index\.html$/, /\/packs\/index(\.[\w-]+)?\.json$/];

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const key = url.origin + url.pathname;
  if (FRESH.some(re => re.test(url.pathname))) {
    event.respondWith(fetch(event.request)
      .then(response => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then(cache => cache.put(key, copy));
        }
        return response;
      })
      .catch(() => caches.match(key).then(hit => hit || caches.match(new URL('./', self.location).href))));
    return;
  }
  event.respondWith(caches.match(key).then(hit => hit || fetch(event.request).then(response => {
    if (response.ok && ON_USE.has(key)) {
      const copy = response.clone();
      caches.open(CACHE).then(cache => cache.put(key, copy));
    }
    return response;
  })));
});
