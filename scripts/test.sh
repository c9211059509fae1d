#!/usr/bin/env bash
# Runs every test: native unit and content tests (cargo test), the pack
# checker over the shipped packs, then a release build played in headless
# Chromium at 360x740 (Playwright), with axe-core accessibility checks.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"

echo "== native tests (core: engine, scoring, validation; tools; every path of every pack)"
cargo test --workspace --quiet

echo "== pack checker"
cargo run --quiet --bin scamspot-check

echo "== release build"
trunk build --release --offline >/dev/null
wasm="$(ls dist/*.wasm)"
echo "release wasm: $(stat -c %s "$wasm") bytes raw, $(gzip -9c "$wasm" | wc -c) bytes gzip"

echo "== browser tests (headless Chromium, phone viewport)"
node --test --test-concurrency=1 tests/e2e/
