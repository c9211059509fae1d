// ScamSpot iframe resizer, for host pages (copy it to your site). It fits
// each ScamSpot iframe to its content and turns its result message into a
// "scamspot:result" DOM event on the iframe. Messages are accepted only from
// the ScamSpot origin and only from that iframe's window.
// Here the iframe's address comes from data-scamspot-src plus ?widget=…; on a
// real site, write the full src="https://…/embed.html?…&trust=https://your.site".
(function () {
  const widget = new URLSearchParams(location.search).get('widget') || location.origin;
  const frames = document.querySelectorAll('iframe[data-scamspot-src]');
  frames.forEach(frame => {
    const src = new URL(frame.getAttribute('data-scamspot-src'), widget);
    src.searchParams.set('trust', location.origin);
    frame.src = src.href;
  });
  window.scamspotResults = [];
  window.addEventListener('message', event => {
    if (event.origin !== new URL(widget).origin) return;
    const frame = [...frames].find(f => f.contentWindow === event.source);
    const data = event.data;
    if (!frame || !data || typeof data !== 'object') return;
    if (data.type === 'scamspot:resize' && Number.isFinite(data.height)) {
      frame.style.height = Math.ceil(data.height) + 'px';
    } else if (data.type === 'scamspot:result') {
      window.scamspotResults.push(data.result);
      frame.dispatchEvent(new CustomEvent('scamspot:result', { detail: data.result, bubbles: true }));
      const log = document.getElementById('results');
      if (log) log.textContent += JSON.stringify(data.result) + '\n';
    }
  });
})();
