#!/usr/bin/env bash
# Fails when the release wasm's gzip size is over the budget written in
# Cargo.toml ([workspace.metadata.budget] wasm-gzip-bytes), so growth is a
# decision, not a surprise. Usage: scripts/size-budget.sh dist/*.wasm
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wasm="${1:?usage: size-budget.sh FILE.wasm [BUDGET-KEY]}"
key="${2:-wasm-gzip-bytes}"   # lecture-wasm-gzip-bytes for the lecture pages' wasm
budget="$(awk -F= -v key="$key" '$1 ~ "^" key " *$" { gsub(/[ _]/, "", $2); print $2 }' "$repo/Cargo.toml")"
[ -n "$budget" ] || { echo "no $key in Cargo.toml" >&2; exit 1; }
raw="$(stat -c %s "$wasm")"
gz="$(gzip -9c "$wasm" | wc -c)"
echo "$(basename "$wasm"): $raw bytes raw, $gz bytes gzip (budget $budget)"
if [ "$gz" -gt "$budget" ]; then
  echo "the wasm grew past its budget by $((gz - budget)) bytes: shrink it, or raise $key in Cargo.toml and say why in the commit" >&2
  exit 1
fi
