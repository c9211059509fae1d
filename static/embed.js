// ScamSpot on any page: <script src="…/embed.js" defer></script> and
// <scam-spot lang="zh-CN" types="order-brushing,fake-loan"></scam-spot>.
// Each element gets its own app inside a Shadow DOM, so the page's CSS and
// ours never meet. Results arrive as a "scamspot:result" event on the element.
// The build (scamspot-site) fills in the file names of the hosted learner
// app (`scamspot-hosted`: the one that reports to the host page).
//
// A plain script on purpose (type="module" works too): a browser runs a
// plain script from another origin without CORS, so when that server does
// not send Access-Control-Allow-Origin, this file still runs and can say so
// in the element, where the site editor looks, instead of leaving it empty.
(function () {
  'use strict';
  const self = document.currentScript || [...document.querySelectorAll('script[src]')].find(s => /\/embed\.js([?#]|$)/.test(s.src));
  const base = new URL('./', self ? self.src : location.href).href;
  let loaded;

  function load() {
    loaded ??= import(base + '__HOSTED_JS__').then(app => app.default({ module_or_path: base + '__HOSTED_WASM__' }).then(() => app));
    return loaded;
  }

  // Both languages: the site editor may read either.
  function cannotLoad(root, error) {
    const origin = new URL(base).origin;
    const box = document.createElement('div');
    box.className = 'notice';
    box.setAttribute('role', 'alert');
    for (const text of [
      `识骗 ScamSpot 无法从 ${origin} 加载。如果本页与 ScamSpot 不在同一个域名，那台服务器必须为 ScamSpot 的文件发送 Access-Control-Allow-Origin 响应头（配置方法见 ScamSpot 的 README）。`,
      `ScamSpot could not load from ${origin}. If this page and ScamSpot are on different origins, that server must send the Access-Control-Allow-Origin header for ScamSpot's files (the README shows how).`,
    ]) {
      const p = document.createElement('p');
      p.textContent = text;
      box.append(p);
    }
    root.replaceChildren(box);
    console.error('scam-spot: could not load ' + base, error);
  }

  class ScamSpotElement extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const shadow = this.attachShadow({ mode: 'open' });
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = base + 'app.css';
      const root = document.createElement('div');
      root.className = 'embed-root';
      shadow.append(style, root);
      load().then(app => app.mount_embed(this, root, base), error => cannotLoad(root, error));
    }
  }

  if (!customElements.get('scam-spot')) customElements.define('scam-spot', ScamSpotElement);
})();
