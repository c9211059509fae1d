// The iframe embed (embed.html?lang=…&types=…&trust=https://host.example):
// starts the hosted learner app (`scamspot-hosted`) for this page. No service worker is registered here.
import init, { mount_frame } from './__HOSTED_JS__';

init({ module_or_path: '__HOSTED_WASM__' }).then(() => mount_frame());
