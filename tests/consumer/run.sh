#!/usr/bin/env bash
# Installs the build into a scratch prefix, then builds and runs consumers
# through find_package(chuangwen CONFIG) and through pkg-config.
# usage: run.sh BUILD_DIR WORK_DIR EXAMPLE
set -euo pipefail
build=$1 work=$2 example=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
test -f "$prefix/include/chuangwen/cw.h"
test -f "$prefix/include/chuangwen/cw_version.h"
test -f "$prefix/include/chuangwen/v1/campaign.pb.h"
libdir=$(dirname "$(find "$prefix" -name 'libchuangwen.so' | head -n 1)")

# CMake package.
cmake -S "$here" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/cmake" -j2 >/dev/null
LD_LIBRARY_PATH=$libdir "$work/cmake/consumer_c" "$example" | grep -q '市容科'
"$work/cmake/consumer_cxx" "$example" | grep -q '市容科: 5 tasks'

# pkg-config.
export PKG_CONFIG_PATH=$libdir/pkgconfig
cc -std=c99 -Wall -Wextra -pedantic -Werror "$here/main.c" -o "$work/pkgconfig_c" \
  $(pkg-config --cflags --libs chuangwen)
LD_LIBRARY_PATH=$libdir "$work/pkgconfig_c" "$example" | grep -q '"task_id":"1.1"'
test "$(pkg-config --modversion chuangwen)" = "$(LD_LIBRARY_PATH=$libdir "$work/pkgconfig_c" "$example" | sed -n 's/^chuangwen \([0-9.]*\):.*/\1/p')"
echo "install_and_consume: CMake package and pkg-config consumers work"
