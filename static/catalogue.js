// The scenario catalogue's buttons: copy a scenario's full link, and show its
// QR code (static/qr.js) large enough to scan from the back of a lecture
// hall. Links are made from where the catalogue itself is served, so they
// point at this deployment whatever its address.
'use strict';

(function () {
  // Clipboard API where the page is a secure context; the older copy command
  // on a plain-http campus server, where navigator.clipboard is missing.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'offscreen';
    document.body.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  function setUp(item) {
    const anchor = item.querySelector('h3 a');
    const link = new URL(anchor.getAttribute('href'), location.href).href;
    const copyButton = item.querySelector('.copy-link');
    const label = copyButton.textContent;
    copyButton.addEventListener('click', () => {
      copy(link).then(() => {
        copyButton.textContent = copyButton.dataset.done;
        setTimeout(() => { copyButton.textContent = label; }, 2000);
      }, () => window.prompt(label, link));
    });
    const qrButton = item.querySelector('.show-qr');
    const panel = item.querySelector('.qr-panel');
    const show = qrButton.textContent;
    qrButton.addEventListener('click', () => {
      const open = panel.hidden;
      if (open && !panel.firstChild) {
        const code = QR.svg(link, anchor.textContent);
        const url = document.createElement('p');
        url.className = 'qr-url';
        url.textContent = link;
        if (code) panel.append(code);
        panel.append(url);
      }
      panel.hidden = !open;
      qrButton.setAttribute('aria-expanded', String(open));
      qrButton.textContent = open ? qrButton.dataset.hide : show;
    });
  }

  document.querySelectorAll('.catalogue-item').forEach(setUp);
})();
