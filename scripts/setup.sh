#!/usr/bin/env bash
# Installs every Debian package that crosscheck's build, tests and benchmarks need.
# Idempotent: packages already present are skipped by apt. Run as root (or with sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config ninja-build
  clang libclang-rt-14-dev            # fuzz targets (libFuzzer) and sanitizers
  libicu-dev                           # normalisation, break iteration, transliteration
  libcld2-dev                          # language identification
  libstemmer-dev                       # Snowball stemmers
  zlib1g-dev                           # gzip input (HTTP bodies, damaged files)
  libdeflate-dev                       # gzip input (whole files, fast path)
  libisal-dev                          # gzip input (JSONL decoded piece by piece, ISA-L igzip)
  libsimdjson-dev                      # JSONL input
  libcli11-dev                         # command line
  libsqlite3-dev sqlite3               # the store (and a shell to inspect it)
  libcpp-httplib-dev                   # crosscheck serve (HTTP server; its client in tests)
  chromium nodejs npm                  # browser tests (playwright-core drives Debian chromium)
  wrk                                  # load check of crosscheck serve (bench/serve_load.sh)
  libgtest-dev libgmock-dev            # unit tests
  libbenchmark-dev                     # micro-benchmarks
  python3 bc python3-lxml python3-readability  # bench scripts and the readability-lxml baseline
)

# Node's npm is only needed when this machine has no npm yet (some images ship Node elsewhere).
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  packages=("${packages[@]/nodejs/}")
  packages=("${packages[@]/npm/}")
fi

missing=()
for p in "${packages[@]}"; do
  [ -n "$p" ] || continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all Debian packages present"
else
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# playwright-core for the browser tests, pinned by tests/browser/package-lock.json.
browser_dir="$(dirname "$0")/../tests/browser"
if [ ! -d "$browser_dir/node_modules/playwright-core" ] ||
   [ "$browser_dir/package-lock.json" -nt "$browser_dir/node_modules/.package-lock.json" ]; then
  echo "setup: npm ci in tests/browser"
  (cd "$browser_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
