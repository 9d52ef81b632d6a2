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

# The C API alone (the runtime and dev components): its CMake target needs no
# Boost, Protobuf or SQLite, and cw.h needs none of the C++ headers.
cprefix=$work/c-only-prefix
for component in runtime dev; do
  cmake --install "$build" --prefix "$cprefix" --component "$component" >/dev/null
done
test -f "$cprefix/include/chuangwen/cw.h"
test ! -e "$cprefix/include/chuangwen/campaign.h"
test -z "$(find "$cprefix" -name 'libchuangwen.a')"
cmake -S "$here/c_only" -B "$work/c-only" --no-warn-unused-cli -DCMAKE_PREFIX_PATH="$cprefix" \
  -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON -DCMAKE_DISABLE_FIND_PACKAGE_Protobuf=ON \
  -DCMAKE_DISABLE_FIND_PACKAGE_SQLite3=ON -DCMAKE_DISABLE_FIND_PACKAGE_date=ON >/dev/null
cmake --build "$work/c-only" >/dev/null
clibdir=$(dirname "$(find "$cprefix" -name 'libchuangwen.so' | head -n 1)")
LD_LIBRARY_PATH=$clibdir "$work/c-only/consumer_c" "$example" | grep -q '"task_id":"1.1"'

# pkg-config.
export PKG_CONFIG_PATH=$libdir/pkgconfig
cc -std=c99 -Wall -Wextra -pedantic -Werror "$here/main.c" -o "$work/pkgconfig_c" \
  $(pkg-config --cflags --libs chuangwen)
LD_LIBRARY_PATH=$libdir "$work/pkgconfig_c" "$example" | grep -q '"task_id":"1.1"'
test "$(pkg-config --modversion chuangwen)" = "$(LD_LIBRARY_PATH=$libdir "$work/pkgconfig_c" "$example" | sed -n 's/^chuangwen \([0-9.]*\):.*/\1/p')"

# Python, from the installed package (not the source tree), no environment
# variable naming the library.
pydir=$prefix/lib/python3/dist-packages
test -f "$pydir/chuangwen/_installed.py"
(cd "$work" && env -u CHUANGWEN_LIBRARY PYTHONPATH="$pydir" python3 -c '
import sys, chuangwen
assert chuangwen.__file__.startswith(sys.argv[1]), chuangwen.__file__
with chuangwen.Campaign.from_file(sys.argv[2]) as c:
    assert c.problem_count() == 0
print("python", chuangwen.version())
' "$pydir" "$example") | grep -q '^python '

# pip, from a copy of the source tree, without downloads or build isolation.
if /usr/bin/python3 -c 'import setuptools' 2>/dev/null; then
  cp -r "$here/../../python" "$work/pysrc"
  /usr/bin/python3 -m pip install --quiet --no-build-isolation --no-deps --no-index \
    --target "$work/pip" "$work/pysrc" 2>&1 | grep -v 'WARNING: Running pip as' || true
  version=$(cd "$work" && CHUANGWEN_LIBRARY=$libdir/libchuangwen.so PYTHONPATH="$work/pip" \
    /usr/bin/python3 -c 'import chuangwen, importlib.metadata as m, sys
assert chuangwen.__file__.startswith(sys.argv[1]), chuangwen.__file__
assert m.version("chuangwen") == chuangwen.version(), (m.version("chuangwen"), chuangwen.version())
print(chuangwen.version())' "$work/pip")
  test "$version" = "$(pkg-config --modversion chuangwen)"
fi

echo "install_and_consume: CMake package (C and C++), C only, pkg-config, Python and pip work"
