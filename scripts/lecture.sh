#!/usr/bin/env bash
# Starts a lecture: installs what is missing (scripts/setup.sh), builds the
# site if it is missing or older than its sources, then runs the
# lecture server on every interface and prints the presenter's URL.
#   scripts/lecture.sh            port 8080, rooms kept in target/lecture.sqlite3
#   PORT=9000 scripts/lecture.sh
# Phones in the hall must reach this laptop's address (same Wi-Fi, no client
# isolation). Stop with Ctrl-C; starting again reopens every open room.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"
port="${PORT:-8080}"
db="${SCAMSPOT_DB:-target/lecture.sqlite3}"

# Built on the first run, and again whenever a source is newer than the
# built site (after a `git pull`, or an edited pack), so the hall never gets
# yesterday's scenarios.
if [ ! -f dist/packs/index.json ] ||
   [ -n "$(find index.html Cargo.toml Trunk.toml src static crates/core/src -newer dist/index.html -print -quit)" ]; then
  echo "== building the site"
  small_wasm trunk build --release --offline >/dev/null
fi
cargo build --profile server --quiet -p scamspot-server

# The address phones use: this machine's first non-loopback address.
address="$(hostname -I 2>/dev/null | awk '{ print $1 }')"
public="${PUBLIC_URL:-http://${address:-127.0.0.1}:$port}"
# The key that opens rooms: in the presenter URL's fragment, which the
# browser never sends to a server or writes to a log.
SCAMSPOT_HOST_KEY="${SCAMSPOT_HOST_KEY:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"
export SCAMSPOT_HOST_KEY
mkdir -p "$(dirname "$db")"
# Every phone is an open socket: lift the soft limit on open files (often
# 1,024 on a laptop) to the hard one.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "Presenter (open on this laptop, show it on the projector): $public/?present#key=$SCAMSPOT_HOST_KEY"
echo "Phones join at $public with the room code the presenter page shows."
echo "Campaigns (class links, dashboard, certificates): $public/?campaigns#key=$SCAMSPOT_HOST_KEY"
exec "${CARGO_TARGET_DIR:-target}/server/scamspot-server" --bind "0.0.0.0:$port" --public-url "$public" --db "$db" --dist dist
