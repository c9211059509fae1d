#!/usr/bin/env bash
# Installs whatever is missing to build and test ScamSpot, and nothing that is
# already there: the wasm32 target, clippy, rustfmt and the standard library's
# source (rust-src, for the wasm's size-built std), Trunk, wasm-bindgen-cli at the exact
# version in Cargo.lock, wasm-split-cli, wasm-opt (npm binaryen), terser (npm), Chromium, WebKitGTK's
# WebDriver with Xvfb, zbarimg, redis-server and nginx, and the browser-test packages. Sourced by serve.sh and test.sh; safe to run again.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$repo/.tools"
export PATH="$HOME/.cargo/bin:$tools/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14        # Trunk 0.22 needs a newer rustc than this machine's
BINARYEN_VERSION=132         # Debian's wasm-opt is too old for today's rustc output
TERSER_VERSION=5.51.4        # minifies the site's scripts (crates/tools/src/minify.rs)
WASM_SPLIT_VERSION=0.2.4     # wasm_split_cli_support; the app's wasm_split_helpers is its pair (=0.2.3)
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

for component in clippy rustfmt rust-src; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# The wasm's standard library is built from rust-src (small_wasm below), and
# Trunk builds offline: the standard library's own dependencies are fetched here.
std_manifest="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
RUSTC_BOOTSTRAP=1 cargo fetch --quiet --locked --offline --manifest-path "$std_manifest" 2>/dev/null ||
  RUSTC_BOOTSTRAP=1 cargo fetch --quiet --locked --manifest-path "$std_manifest"

# Builds the wasm as the site ships it: `small_wasm trunk build --release`.
# The standard library is compiled with the app (-Zbuild-std) and a panic
# stops the wasm at once (-Cpanic=immediate-abort) instead of formatting a
# message, which takes the formatting machinery, panic locations and Debug
# tables out of every wasm: 14.7 KB gzip of the learner's 150 KB (README,
# "Sixth round"). Both are unstable options of this stable toolchain,
# allowed by RUSTC_BOOTSTRAP for these builds only (as the Linux kernel
# builds its Rust); a plain `trunk build` makes a standard, larger wasm.
# Trunk.toml's hooks run the native tools without them.
small_wasm() {
  RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" "$@"
}

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing Trunk $TRUNK_VERSION (compiles for ~12 minutes on 2 cores, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly.
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$repo/Cargo.lock")"
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" "$repo/Trunk.toml"; then
  echo "Trunk.toml pins a different wasm_bindgen than Cargo.lock ($bindgen_version); update Trunk.toml" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version"; then
  say "installing wasm-bindgen-cli $bindgen_version"
  # Not --locked: its lock file names a crate the registry no longer has.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# Splits the lean wasm into the first module and chunks (scripts/build-lecture.sh).
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (compiles for ~3 minutes on 2 cores, once)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing wasm-opt (binaryen@$BINARYEN_VERSION from npm)"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
fi
if ! terser --version 2>/dev/null | grep -qx "terser $TERSER_VERSION"; then
  say "installing terser $TERSER_VERSION (npm)"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "terser@$TERSER_VERSION"
fi

# Debian packages the browser tests use: Chromium, zbarimg, which reads
# the catalogue's QR codes as a phone camera would, and unzip, which unpacks
# the SCORM package as an LMS does.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/zbarimg ] || missing+=(zbar-tools)
[ -x /usr/bin/unzip ] || missing+=(unzip)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} (Debian packages)"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Province scale (README "Province scale"): the server tests run two instances
# on a real Redis, behind a real nginx, each on loopback ports of their own
# (the tests start and stop them; a service the packages start is not used).
missing=()
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} (Debian packages)"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# WebKit, the engine of iOS and of in-app browsers: WebKitGTK's MiniBrowser
# driven by WebKitWebDriver, on an Xvfb display (it has no headless mode).
# Without recommends: they add ~130 media packages a test never plays.
missing=()
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
[ -x /usr/bin/Xvfb ] || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} (Debian packages)"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

e2e_modules="$repo/tests/e2e/node_modules"
if [ ! -d "$e2e_modules/playwright-core" ] || [ ! -d "$e2e_modules/axe-core" ] || [ ! -d "$e2e_modules/scorm-again" ]; then
  say "installing browser-test packages (playwright-core, axe-core, scorm-again)"
  (cd "$repo/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
