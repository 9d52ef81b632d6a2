#!/usr/bin/env bash
# Makes the Debian packages from a build directory, installs them on this
# machine (as root, or through sudo), and builds and runs consumers against
# the installed files only: C through find_package and pkg-config, C++
# through the cxx component, Python and Java without any environment
# variable, and the CLI. Removes the packages again at the end.
# usage: check-packages.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
example=$root/examples/campaign.textproto

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "check-packages: installing packages needs root or sudo; skipped" >&2
  exit 0
fi

echo "-- making packages"
rm -rf "$build/packages"
(cd "$build" && cpack -G DEB >/dev/null)
mapfile -t debs < <(ls "$build"/packages/*.deb)
names=()
for deb in "${debs[@]}"; do
  name=$(dpkg-deb -f "$deb" Package)
  names+=("$name")
  kib=$(dpkg-deb -c "$deb" | awk '{s += $3} END {printf "%d", s / 1024}')
  printf '   %-22s %7s KiB  %s\n' "$name" "$kib" "$(dpkg-deb -f "$deb" Depends)"
done

cleanup() {
  "${sudo[@]}" dpkg -r "${names[@]}" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
echo "-- installing ${names[*]}"
"${sudo[@]}" dpkg -i "${debs[@]}" >/dev/null

echo "-- C, CMake package (C target only, no Boost/Protobuf/SQLite looked for)"
cmake -S "$root/tests/consumer/c_only" -B "$work/c" --no-warn-unused-cli -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON \
  -DCMAKE_DISABLE_FIND_PACKAGE_Protobuf=ON -DCMAKE_DISABLE_FIND_PACKAGE_SQLite3=ON \
  -DCMAKE_DISABLE_FIND_PACKAGE_date=ON >/dev/null
cmake --build "$work/c" >/dev/null
"$work/c/consumer_c" "$example" | grep -q '"task_id":"1.1"'

echo "-- C, pkg-config"
cc -std=c99 -Wall -Wextra -pedantic -Werror "$root/tests/consumer/main.c" -o "$work/pc" \
  $(pkg-config --cflags --libs chuangwen)
"$work/pc" "$example" | grep -q "^chuangwen $(pkg-config --modversion chuangwen):"

echo "-- C++, CMake package with the cxx component"
cmake -S "$root/tests/consumer" -B "$work/cxx" >/dev/null
cmake --build "$work/cxx" -j2 >/dev/null
"$work/cxx/consumer_cxx" "$example" | grep -q '市容科: 5 tasks'

echo "-- Python (the system's interpreter, no environment variables)"
(cd "$work" && env -u PYTHONPATH -u CHUANGWEN_LIBRARY /usr/bin/python3 -c '
import sys, chuangwen
assert chuangwen.__file__.startswith("/usr/lib/python3/dist-packages/"), chuangwen.__file__
with chuangwen.Campaign.from_file(sys.argv[1]) as c:
    assert c.valid
    print("python", chuangwen.version(), c.unit_tasks("srk")["party"]["name"])
' "$example") | grep -q '^python .* 市容科$'

if [[ " ${names[*]} " == *" libchuangwen-java "* ]]; then
  echo "-- Java (the installed jars and library, no properties)"
  cp=/usr/share/java/chuangwen.jar:/usr/share/java/chuangwen-v1.jar
  cp=$cp:/usr/share/java/jna.jar:/usr/share/java/protobuf.jar
  mkdir -p "$work/java"
  javac --release 8 -nowarn -cp "$cp" -d "$work/java" "$root/java/examples/OaService.java"
  (cd "$work" && env -u CHUANGWEN_LIBRARY java -cp "$work/java:$cp" cn.chuangwen.examples.OaService \
    "$example" "$work/oa") | grep -q '^bulletin .*月度通报'
fi

echo "-- CLI"
(cd "$work" && cw validate "$example" >/dev/null)
# The installed templates are the ones the library ships: a copy renders.
test -f /usr/share/chuangwen/templates/notice.html
(cd "$work" && cw ledger pkg.db init --campaign "$example" >/dev/null &&
  cw ledger pkg.db issue --unit 市容科 --finding 占道经营 --deadline 5wd --by 许岚 >/dev/null &&
  cw report notice pkg.db --item item-1 --format docx --templates /usr/share/chuangwen/templates \
    -o "$work/docs" | grep -q '整改通知书-item-1.docx$')

echo "check-packages: ${#debs[@]} packages installed and used by C, C++, Python, Java and the CLI"
