// ScamSpot on any page: <script type="module" src="…/embed.js"></script> and
// <scam-spot lang="zh-CN" types="order-brushing,fake-loan"></scam-spot>.
// Each element gets its own app inside a Shadow DOM, so the page's CSS and
// ours never meet. Results arrive as a "scamspot:result" event on the element.
// The build (scamspot-site) fills in the app's file names.
import init, { mount_embed } from './__APP_JS__';

const base = new URL('./', import.meta.url).href;
let loaded;

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
    loaded ??= init({ module_or_path: base + '__APP_WASM__' });
    loaded.then(() => mount_embed(this, root, base));
  }
}

if (!customElements.get('scam-spot')) customElements.define('scam-spot', ScamSpotElement);
