// ScamSpot iframe resizer, served beside embed.html: put it on the host page
// with <script src="https://…/scamspot/resizer.js"></script> next to any
// <iframe src="https://…/scamspot/embed.html?…"> (no attributes of ours
// needed). It fits each such frame to its content (no inner scrollbar) and
// turns the frame's result message into a "scamspot:result" DOM event on the
// iframe, which bubbles to the page. A message counts only when it comes from
// that frame's own window and from the origin in the frame's own src.
(function () {
  'use strict';
  // Tall enough for the start screen's button before the first height arrives.
  var START_HEIGHT = 640;

  function widgetOrigin(frame) {
    try {
      var src = new URL(frame.getAttribute('src') || '', location.href);
      return /\/embed\.html$/.test(src.pathname) ? src.origin : null;
    } catch (e) {
      return null;
    }
  }

  function frames() {
    return Array.prototype.filter.call(document.getElementsByTagName('iframe'), widgetOrigin);
  }

  // A frame the page left at the browser's default 150 px gets room to start.
  function giveRoom(frame) {
    if (frame.dataset.scamspotSized) return;
    frame.dataset.scamspotSized = 'yes';
    if (frame.getBoundingClientRect().height < START_HEIGHT / 2) frame.style.height = START_HEIGHT + 'px';
  }

  function sizeAll() {
    frames().forEach(giveRoom);
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    var frame = frames().filter(function (f) {
      return f.contentWindow === event.source && widgetOrigin(f) === event.origin;
    })[0];
    if (!frame) return;
    if (data.type === 'scamspot:resize' && isFinite(data.height) && data.height > 0) {
      frame.dataset.scamspotSized = 'yes';
      frame.style.height = Math.ceil(data.height) + 'px';
    } else if (data.type === 'scamspot:result') {
      frame.dispatchEvent(new CustomEvent('scamspot:result', { detail: data.result, bubbles: true }));
    }
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', sizeAll);
  else sizeAll();
  // Frames a CMS adds later get their starting height too.
  if (window.MutationObserver) new MutationObserver(sizeAll).observe(document.documentElement, { childList: true, subtree: true });
})();
