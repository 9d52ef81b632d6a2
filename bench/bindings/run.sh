#!/usr/bin/env bash
# The bindings' call overhead against the C API, measured in one run on the
# same machine: a small query and a ranking of 10^6 × 20 in a kept workspace.
# usage: bench/bindings/run.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
example=$root/examples/campaign.textproto
lib=$build/libchuangwen.so
cp="$build/java/chuangwen-bench.jar:$build/java/chuangwen.jar:$build/java/chuangwen-v1.jar"
cp=$cp:/usr/share/java/jna.jar:/usr/share/java/protobuf.jar

c=$("$build/bench/cw_bench_bindings_c" "$example")
py=$(CHUANGWEN_LIBRARY=$lib PYTHONPATH=$root/python /usr/bin/python3 \
     "$root/bench/bindings/overhead.py" "$example")
java=$(java -Dchuangwen.library.path="$lib" -cp "$cp" cn.chuangwen.bench.Overhead "$example")

value() { printf '%s\n' "$1" | awk -v k="$2" '$1 == k {print $2}'; }
printf '%-28s %14s %14s %14s %10s %10s\n' measurement "C (ns)" "Python (ns)" "Java (ns)" \
  "Py ÷ C" "Java ÷ C"
for m in small_query rank_1e6x20; do
  cv=$(value "$c" $m) pv=$(value "$py" $m) jv=$(value "$java" $m)
  printf '%-28s %14s %14s %14s %10.2f %10.2f\n' "$m" "$cv" "$pv" "$jv" \
    "$(echo "$pv / $cv" | bc -l)" "$(echo "$jv / $cv" | bc -l)"
done
printf '%-28s %14s %14s\n' "small_query (raw bytes)" "$(value "$c" small_query)" \
  "$(value "$py" small_query_raw)"
