// The iframe embed (embed.html?lang=…&types=…&trust=https://host.example):
// starts the app for this page. No service worker is registered here.
import init, { mount_frame } from './__APP_JS__';

init({ module_or_path: '__APP_WASM__' }).then(() => mount_frame());
