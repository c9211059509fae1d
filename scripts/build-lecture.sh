#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): the lecture pages' own wasm,
# `scamspot-lecture` (src/lecture_main.rs), and the campaign staff pages'
# (`scamspot-staff`, src/staff_main.rs), beside the app's. Trunk builds
# one wasm per page, and the lecture pages (the presenter's projector, a
# phone in a lecture room) are a quarter of the app's size again: kept out
# of the wasm every learner on their own downloads. Built as Trunk builds
# the app's: cargo, wasm-bindgen at the version Trunk.toml pins, wasm-opt
# with the same settings as index.html gives Trunk, a content hash in the
# names (a year's cache on the lecture server).
# The hosted learner app (`scamspot-hosted`, src/hosted_main.rs, with the
# `hosted` feature) is built here too: the app's own page loads Trunk's lean
# build, without it.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run as a Trunk hook}"
profile="${TRUNK_PROFILE:-release}"
target="${CARGO_TARGET_DIR:-target}"
release=()
[ "$profile" = release ] && release=(--release)

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# The lecture pages' wasm, and the campaign staff pages' (src/staff_main.rs):
# one more wasm of their own, so no phone in a lecture hall downloads them.
# And the hosted learner app (`scamspot-hosted`, the `hosted` feature, on by
# default): the embed, a campaign class link and a host's own pack load it,
# so the app's own page (Trunk's build, without the feature) carries none of it.
for bin in scamspot-lecture scamspot-staff scamspot-hosted; do
  cargo build --quiet --target wasm32-unknown-unknown --bin "$bin" "${release[@]}"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$bin" \
    "$target/wasm32-unknown-unknown/$profile/$bin.wasm"
  if [ "$profile" = release ]; then
    # The same settings as the app's own page's (index.html says why).
    wasm-opt -Oz --zero-filled-memory --low-memory-unused --one-caller-inline-max-function-size=200 \
      "$out/${bin}_bg.wasm" -o "$out/${bin}_bg.wasm"
  fi
  hash="$(cat "$out/$bin.js" "$out/${bin}_bg.wasm" | sha256sum | cut -c1-16)"
  mv "$out/$bin.js" "$staging/$bin-$hash.js"
  mv "$out/${bin}_bg.wasm" "$staging/$bin-${hash}_bg.wasm"
done
