// The host page's own script for the examples: loads ScamSpot's embed.js from
// the widget origin (?widget=…, default: this origin), optionally the hostile
// stylesheet (?hostile), and logs every result event it receives.
(function () {
  const params = new URLSearchParams(location.search);
  const widget = params.get('widget') || location.origin;
  const script = document.createElement('script');
  script.type = 'module';
  script.src = widget + '/embed.js';
  document.head.append(script);
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
