#!/usr/bin/env bash
# Installs the Debian packages chuangwen needs, only when one is missing:
# as root directly, otherwise through sudo. Does nothing when all are present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-date-time-dev libboost-graph-dev
  libprotobuf-dev protobuf-compiler
  libgtest-dev libbenchmark-dev
  libsqlite3-dev sqlite3
  libzip-dev libxml2-dev libssl-dev poppler-utils libhwy-dev
  libhowardhinnant-date-dev tzdata
  locales
  python3 python3-numpy python3-setuptools python3-wheel python3-pip
  default-jdk-headless libjna-java junit4 libprotobuf-java
  chromium fonts-noto-cjk
  libreoffice-writer-nogui clang
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

# A comma-decimal locale for the tests that prove output ignores the host's.
need_locale() { ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; }

if [[ ${#missing[@]} -eq 0 ]] && ! need_locale; then
  exit 0
fi

[[ ${#missing[@]} -gt 0 ]] && echo "setup: installing ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "setup: missing packages (${missing[*]}) or locale, and neither root nor sudo is available" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if [[ ${#missing[@]} -gt 0 ]]; then
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if need_locale; then
  echo "setup: generating the de_DE.UTF-8 locale (for the locale tests)" >&2
  "${sudo[@]}" sed -i 's/^# *\(de_DE.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen ||
    echo 'de_DE.UTF-8 UTF-8' | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
  "${sudo[@]}" locale-gen >/dev/null
fi
