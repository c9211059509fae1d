#!/usr/bin/env bash
# Runs every test: formatting and lints, native unit and content tests (cargo
# test over the workspace), the layer guard, the pack checker over the
# shipped packs, a release build with its size budget, then the built site
# played in headless Chromium at 360x740 (Playwright), with axe-core checks,
# and in WebKit (WebKitGTK over WebDriver, on Xvfb; webkit.test.mjs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"

echo "== format and lints (rustfmt; clippy native and wasm32, warnings are errors)"
cargo fmt --all --check
cargo clippy --quiet --workspace --all-targets -- -D warnings
# Both learner builds: the hosted one (default features) and the app's own page's.
cargo clippy --quiet --target wasm32-unknown-unknown -p scamspot -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -p scamspot --no-default-features -- -D warnings

echo "== layers: the core and the wasm app depend on nothing they must not"
scripts/check-layers.sh

echo "== native tests (core: engine, scoring, validation; tools; every path of every pack)"
cargo test --workspace --quiet

echo "== pack checker"
cargo scamspot-check

echo "== release build"
small_wasm trunk build --release --offline >/dev/null
scripts/size-budget.sh "$(ls dist/scamspot-*_bg.wasm | grep -v -e lecture -e staff -e hosted)"
scripts/size-budget.sh dist/scamspot-hosted-*_bg.wasm hosted-wasm-gzip-bytes
scripts/size-budget.sh dist/scamspot-lecture-*_bg.wasm lecture-wasm-gzip-bytes
scripts/size-budget.sh dist/scamspot-staff-*_bg.wasm staff-wasm-gzip-bytes
for chunk in dist/split-*.wasm; do scripts/size-budget.sh "$chunk" chunk-wasm-gzip-bytes; done

echo "== browser tests (headless Chromium and WebKit on Xvfb, phone viewport)"
node --test --test-concurrency=1 tests/e2e/
