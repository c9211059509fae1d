#!/usr/bin/env bash
# Builds ScamSpot and serves the embedding examples: a campus page with the
# script embed and one with the iframe embed, each on a different origin from
# the widget, and a page under a strict CSP. Installs missing tools first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"
small_wasm trunk build --release --offline >/dev/null
exec node scripts/examples-server.mjs "${WIDGET_PORT:-8080}" "${HOST_PORT:-8090}"
