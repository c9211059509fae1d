#!/usr/bin/env bash
# Builds ScamSpot with its built-in packs and serves it on http://127.0.0.1:8080
# (PORT and ADDRESS to change: ADDRESS=0.0.0.0 for phones on the same
# network). Installs missing tools first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"
small_wasm trunk serve --release --offline --address "${ADDRESS:-127.0.0.1}" --port "${PORT:-8080}"
