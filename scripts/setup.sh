#!/usr/bin/env bash
# Installs the Debian packages chuangwen needs, only when one is missing:
# as root directly, otherwise through sudo. Does nothing when all are present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-date-time-dev libboost-graph-dev
  libprotobuf-dev protobuf-compiler
  libgtest-dev libbenchmark-dev
  libsqlite3-dev
  libhowardhinnant-date-dev tzdata
  python3
  chromium fonts-noto-cjk
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "setup: missing packages (${missing[*]}) and neither root nor sudo is available" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
