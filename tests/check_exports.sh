#!/usr/bin/env bash
# Fails when the shared library exports any defined symbol not named cw_*.
set -euo pipefail
lib=$1
symbols=$(nm -D --defined-only "$lib" | awk '{print $3}' | sed 's/@.*//' | sort -u)
count=$(printf '%s\n' "$symbols" | grep -c '^cw_' || true)
others=$(printf '%s\n' "$symbols" | grep -v '^cw_' | grep -v '^$' || true)
if [[ -n "$others" ]]; then
  echo "exported symbols not named cw_*:"; printf '%s\n' "$others" | head -n 20
  exit 1
fi
if [[ "$count" -lt 10 ]]; then
  echo "expected the cw_* API to be exported, found $count symbols"; exit 1
fi
soname=$(objdump -p "$lib" | awk '/SONAME/ {print $2}')
if [[ "$soname" != libchuangwen.so.* ]]; then
  echo "unexpected SONAME '$soname'"; exit 1
fi
echo "ok: $count cw_* symbols exported, SONAME $soname"
