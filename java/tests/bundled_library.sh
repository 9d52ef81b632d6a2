#!/usr/bin/env bash
# The loader's bundled path: a jar carrying libchuangwen.so runs with no
# property, variable or system-wide library; extracted to a directory
# mounted noexec, the error says so and how to choose another.
# usage: bundled_library.sh JAR JAVA_JAR_TOOL LIBCHUANGWEN CLASSPATH_REST EXAMPLE_JAR CAMPAIGN
set -euo pipefail
jar=$1 jar_tool=$2 lib=$3 rest=$4 example_jar=$5 campaign=$6
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$jar" "$work/bundled.jar"
mkdir -p "$work/res/cn/chuangwen/native/linux-x86_64"
cp -L "$lib" "$work/res/cn/chuangwen/native/linux-x86_64/libchuangwen.so"
"$jar_tool" uf "$work/bundled.jar" -C "$work/res" cn
cp="$example_jar:$work/bundled.jar:$rest"

out=$(cd "$work" && env -u CHUANGWEN_LIBRARY java -Djava.io.tmpdir="$work" -cp "$cp" \
  cn.chuangwen.examples.OaService "$campaign" "$work/oa")
grep -q '^bulletin ' <<<"$out"
echo "ok: loaded from the jar"

if unshare --user --map-root-user --mount true 2>/dev/null; then
  mkdir -p "$work/noexec"
  set +e
  err=$(unshare --user --map-root-user --mount sh -c '
    mount -t tmpfs -o noexec none "$1" &&
    env -u CHUANGWEN_LIBRARY java "-Dchuangwen.tmpdir=$1" -cp "$2" \
      cn.chuangwen.examples.OaService "$3" "$4"' \
    sh "$work/noexec" "$cp" "$campaign" "$work/oa2" 2>&1)
  rc=$?
  set -e
  if [[ $rc -eq 0 ]] || ! grep -q 'noexec' <<<"$err" || ! grep -q 'chuangwen.tmpdir' <<<"$err"; then
    echo "expected a failure naming noexec and chuangwen.tmpdir, got (rc $rc):"
    echo "$err" | head -20
    exit 1
  fi
  echo "ok: a noexec directory is named in the error"
else
  echo "skipped the noexec case: no user namespaces here"
fi
