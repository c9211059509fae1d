#!/usr/bin/env bash
# Phone-profile benchmark (not a test: it never fails on a slow machine).
# Builds the release site, serves it gzip-compressed, and measures it with
# ../shared/bench (4x CPU slowdown, slow 4G, 360x740, cache off) beside the
# reference pages (floor: plain JS; react-quiz), interleaving one run of each
# per round so machine noise hits all alike. Prints medians of RUNS rounds
# (default 5) and the ratios ScamSpot/floor and ScamSpot/react-quiz.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"
runs="${RUNS:-5}"
bench="${BENCH:-$repo/../shared/bench}"
[ -x "$bench/run.sh" ] || { echo "no phone-profile harness at $bench (set BENCH=...)"; exit 2; }

trunk build --release --offline >/dev/null
out="$(mktemp -d)"
"$bench/run.sh" serve dist 8197 >/dev/null & app=$!
"$bench/run.sh" serve "$bench/peers" 8198 >/dev/null & peers=$!
trap 'kill $app $peers 2>/dev/null' EXIT
sleep 1
for i in $(seq "$runs"); do
  echo "round $i/$runs" >&2
  "$bench/run.sh" measure "http://127.0.0.1:8197/" 1 --button '#start' >> "$out/start.jsonl"
  "$bench/run.sh" measure "http://127.0.0.1:8198/floor/" 1 >> "$out/floor.jsonl"
  "$bench/run.sh" measure "http://127.0.0.1:8198/react-quiz/" 1 >> "$out/react.jsonl"
  node "$repo/scripts/bench-answer.mjs" "http://127.0.0.1:8197/?scenario=ob-like-for-cash" 1 >> "$out/answer.jsonl"
done
node "$repo/scripts/bench-report.mjs" "$out" "$repo/dist"
