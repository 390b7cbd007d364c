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
  zlib1g-dev                           # gzip input (streaming, damaged files)
  libdeflate-dev                       # gzip input (whole files, fast path)
  libsimdjson-dev                      # JSONL input
  libcli11-dev                         # command line
  libsqlite3-dev sqlite3               # the store (and a shell to inspect it)
  libgtest-dev libgmock-dev            # unit tests
  libbenchmark-dev                     # micro-benchmarks
  python3 bc python3-lxml python3-readability  # bench scripts and the readability-lxml baseline
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi
echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
