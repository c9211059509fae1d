#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): the lecture pages' own wasm,
# `scamspot-lecture` (src/lecture_main.rs), beside the app's. Trunk builds
# one wasm per page, and the lecture pages (the presenter's projector, a
# phone in a lecture room) are a quarter of the app's size again: kept out
# of the wasm every learner on their own downloads. Built as Trunk builds
# the app's: cargo, wasm-bindgen at the version Trunk.toml pins, wasm-opt
# with the same settings as index.html gives Trunk, a content hash in the
# names (a year's cache on the lecture server).
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run as a Trunk hook}"
profile="${TRUNK_PROFILE:-release}"
target="${CARGO_TARGET_DIR:-target}"
release=()
[ "$profile" = release ] && release=(--release)

cargo build --quiet --target wasm32-unknown-unknown --bin scamspot-lecture "${release[@]}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name scamspot-lecture \
  "$target/wasm32-unknown-unknown/$profile/scamspot-lecture.wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz --zero-filled-memory --low-memory-unused \
    "$out/scamspot-lecture_bg.wasm" -o "$out/scamspot-lecture_bg.wasm"
fi
hash="$(cat "$out/scamspot-lecture.js" "$out/scamspot-lecture_bg.wasm" | sha256sum | cut -c1-16)"
mv "$out/scamspot-lecture.js" "$staging/scamspot-lecture-$hash.js"
mv "$out/scamspot-lecture_bg.wasm" "$staging/scamspot-lecture-${hash}_bg.wasm"
