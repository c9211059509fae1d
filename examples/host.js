// The host page's own script for the examples: points the embeds at the
// widget origin (?widget=…, default: this origin), as a real page would by
// writing its full URL: loads embed.js for <scam-spot> elements, and for
// iframes sets src (trusting this page's origin) and loads the widget's
// resizer.js. Optionally adds the hostile stylesheet (?hostile), and logs
// every result event it receives.
(function () {
  const params = new URLSearchParams(location.search);
  const widget = params.get('widget') || location.origin;
  function load(src, type) {
    const script = document.createElement('script');
    if (type) script.type = type;
    script.src = src;
    document.head.append(script);
  }
  document.addEventListener('DOMContentLoaded', () => {
    if (document.querySelector('scam-spot')) load(widget + '/embed.js', 'module');
    const frames = document.querySelectorAll('iframe[data-scamspot-src]');
    frames.forEach(frame => {
      const src = new URL(frame.dataset.scamspotSrc, widget);
      src.searchParams.set('trust', location.origin);
      frame.src = src.href;
    });
    if (frames.length) load(widget + '/resizer.js');
  });
  if (params.has('hostile')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = 'hostile.css';
    document.head.append(link);
  }
  window.scamspotResults = [];
  document.addEventListener('scamspot:result', event => {
    window.scamspotResults.push({ from: event.target.id, detail: event.detail });
    const log = document.getElementById('results');
    if (log) log.textContent += `${event.target.id}: ${JSON.stringify(event.detail)}\n`;
  });
})();
