#!/usr/bin/env bash
# Phone-profile benchmark (not a test: it never fails on a slow machine).
# Builds the release site, serves it gzip-compressed, and measures it with
# ../shared/bench (4x CPU slowdown, slow 4G, 360x740, cache off) in the same
# run as the reference pages: floor (plain JS) and react-quiz. Prints the
# medians of RUNS runs (default 5) and the ratios ScamSpot/floor and
# ScamSpot/react-quiz.
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
# The first usable button, and an answer inside a scenario.
"$bench/run.sh" measure "http://127.0.0.1:8197/" "$runs" --button '#start' > "$out/start.json"
node "$repo/scripts/bench-answer.mjs" "http://127.0.0.1:8197/?scenario=ob-like-for-cash" "$runs" > "$out/answer.json"
"$bench/run.sh" measure "http://127.0.0.1:8198/floor/" "$runs" > "$out/floor.json"
"$bench/run.sh" measure "http://127.0.0.1:8198/react-quiz/" "$runs" > "$out/react.json"
node "$repo/scripts/bench-report.mjs" "$out"
