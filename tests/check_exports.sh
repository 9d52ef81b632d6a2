#!/usr/bin/env bash
# Fails when the shared library exports any defined symbol not named cw_*,
# or a cw_* symbol outside the version node CHUANGWEN_<major>.
set -euo pipefail
lib=$1
soname=$(objdump -p "$lib" | awk '/SONAME/ {print $2}')
if [[ "$soname" != libchuangwen.so.* ]]; then
  echo "unexpected SONAME '$soname'"; exit 1
fi
node="CHUANGWEN_${soname#libchuangwen.so.}"
raw=$(nm -D --defined-only "$lib" | awk '{print $3}')
symbols=$(printf '%s\n' "$raw" | grep -v "^${node}\$" | sed 's/@.*//' | sort -u)
count=$(printf '%s\n' "$symbols" | grep -c '^cw_' || true)
others=$(printf '%s\n' "$symbols" | grep -v '^cw_' | grep -v '^$' || true)
if [[ -n "$others" ]]; then
  echo "exported symbols not named cw_*:"; printf '%s\n' "$others" | head -n 20
  exit 1
fi
if [[ "$count" -lt 10 ]]; then
  echo "expected the cw_* API to be exported, found $count symbols"; exit 1
fi
unversioned=$(printf '%s\n' "$raw" | grep '^cw_' | grep -v "@@${node}\$" || true)
if [[ -n "$unversioned" ]]; then
  echo "cw_* symbols outside the version node $node:"; printf '%s\n' "$unversioned" | head
  exit 1
fi
echo "ok: $count cw_* symbols exported in $node, SONAME $soname"
