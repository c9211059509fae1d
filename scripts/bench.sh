#!/usr/bin/env bash
# Phone-profile benchmark (not a test: it never fails on a slow machine).
# Builds the release site, serves it gzip-compressed, and measures it with
# ../shared/bench (4x CPU slowdown, slow 4G, 360x740, cache off) beside the
# reference pages (floor: plain JS; react-quiz), interleaving one run of each
# page per round so machine noise hits all alike: the harness on the start
# button and on each reference page, then what the learner waits for
# (bench-play.mjs: navigation to the first scenario message) and every kind
# of button in a scenario (bench-answer.mjs), then ready_ms of the start page
# and the reference pages to the frame (bench-ready.mjs), beside play_ms to
# the frame: the harness's figures are read through Playwright's polling,
# which lands up to 500 ms late. Prints medians of RUNS rounds
# (default 5), each figure beside its target (bench-report.mjs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"
runs="${RUNS:-5}"
bench="${BENCH:-$repo/../shared/bench}"
[ -x "$bench/run.sh" ] || { echo "no phone-profile harness at $bench (set BENCH=...)"; exit 2; }

# A phone draws Chinese and emoji with fonts of its own (Noto Sans CJK and
# Noto Color Emoji on Android). Without them Chromium searches every font
# on the machine for each such character, which on this profile added
# 50-100 ms to the start page's first layout and to taps that change its
# text, on ScamSpot's pages only: the reference pages are English.
fonts=()
# (Not `fc-list | grep -q`: grep leaving early fails the pipe under pipefail.)
installed="$(fc-list)"
[[ $installed == *'Noto Sans CJK'* ]] || fonts+=(fonts-noto-cjk)
[[ $installed == *'Noto Color Emoji'* ]] || fonts+=(fonts-noto-color-emoji)
if [ ${#fonts[@]} -gt 0 ]; then
  echo "installing ${fonts[*]} (Debian packages, a phone's own fonts)" >&2
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${fonts[@]}" >/dev/null
fi

small_wasm trunk build --release --offline >/dev/null
out="$(mktemp -d)"
# Free ports, so a bench running in another checkout is never the one measured.
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
app_port="$(free_port)" peers_port="$(free_port)"
"$bench/run.sh" serve dist "$app_port" >/dev/null & app=$!
"$bench/run.sh" serve "$bench/peers" "$peers_port" >/dev/null & peers=$!
trap 'kill $app $peers 2>/dev/null' EXIT
for port in "$app_port" "$peers_port"; do
  for _ in $(seq 50); do curl -so /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
done
kill -0 $app $peers || { echo "a bench server did not start"; exit 2; }
app_url="http://127.0.0.1:$app_port/" peers_url="http://127.0.0.1:$peers_port/"
cut -d' ' -f1 /proc/loadavg > "$out/load-at-start"
for i in $(seq "$runs"); do
  echo "round $i/$runs" >&2
  "$bench/run.sh" measure "$app_url" 1 --button '#start' >> "$out/start.jsonl"
  "$bench/run.sh" measure "${peers_url}floor/" 1 >> "$out/floor.jsonl"
  "$bench/run.sh" measure "${peers_url}react-quiz/" 1 >> "$out/react.jsonl"
  node "$repo/scripts/bench-play.mjs" "$app_url" >> "$out/play.jsonl"
  node "$repo/scripts/bench-answer.mjs" "${app_url}?scenario=ob-like-for-cash" >> "$out/answer.jsonl"
  # The same pages' ready_ms to the frame (the harness reads it through Playwright's polling).
  node "$repo/scripts/bench-ready.mjs" "$app_url" '#start' >> "$out/frame-start.jsonl"
  node "$repo/scripts/bench-ready.mjs" "${peers_url}floor/" >> "$out/frame-floor.jsonl"
  node "$repo/scripts/bench-ready.mjs" "${peers_url}react-quiz/" >> "$out/frame-react.jsonl"
done
echo "raw results: $out" >&2
node "$repo/scripts/bench-report.mjs" "$out" "$repo/dist"
