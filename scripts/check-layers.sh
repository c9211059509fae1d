#!/usr/bin/env bash
# The crate graph is the architecture: the core may not depend on a browser,
# async or UI crate (on any target), and the wasm app may not carry the TOML
# parser or the authors' tools. Cargo already refuses an import of a crate
# that is not a dependency; this refuses the dependency itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
fail=0
forbid() { # packages (-p NAME, or nothing: what Trunk's build selects), target, pattern, why
  local found
  found="$(cargo tree --quiet $1 -e normal --target "$2" --prefix none | awk '{ print $1 }' | grep -xE "$3" | sort -u || true)"
  if [ -n "$found" ]; then
    echo "layer violation: ${1:-the wasm build} ($2) depends on $(echo "$found" | tr '\n' ' ')— $4" >&2
    fail=1
  fi
}
forbid "-p scamspot-core" all 'yew.*|web-sys|js-sys|gloo.*|wasm-bindgen.*|tokio.*|axum.*|rusqlite|scamspot(-tools|-server)?' "the core stays pure: no browser, async runtime, storage or upper layer"
# The server moves messages into the core's room state machine; it builds on
# no browser crate, the web app or the authors' tools.
forbid "-p scamspot-server" all 'yew.*|web-sys|js-sys|gloo.*|wasm-bindgen.*|scamspot|scamspot-tools' "the server builds on the core only"
forbid "-p scamspot-core" all 'serde_json' "the core reads and writes JSON with its own json module: serde_json's generic code was a tenth of the wasm (it stays a dev-dependency, to test against)"
# Without -p, cargo selects the default members and features (the hosted
# learner build's, the largest), so features a build would unify show here too.
forbid "" wasm32-unknown-unknown 'toml|scamspot-tools|walkdir|sha2|annotate-snippets|codespan-reporting|miette|scamspot-server|tokio|axum.*|rusqlite' "the browser reads compiled JSON packs; authoring and server code stay native"
[ "$fail" = 0 ] && echo "layers ok: scamspot-core is pure; the server builds on the core only; the wasm app carries no authoring or server code"
exit "$fail"
