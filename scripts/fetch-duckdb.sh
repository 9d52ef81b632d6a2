#!/usr/bin/env bash
# Fetches DuckDB's shared library for the ranking comparison
# (build/bench/cw_ranking_compare --duckdb BUILD/duckdb/libduckdb.so). Debian
# has no DuckDB package; the npm registry's @duckdb/node-bindings-linux-x64
# carries libduckdb.so. Optional: nothing else uses it, and nothing of it is
# committed.
# usage: scripts/fetch-duckdb.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir="${1:-$root/build}/duckdb"
mkdir -p "$dir"
cd "$dir"
if [[ ! -f libduckdb.so ]]; then
  tarball=$(npm pack --silent @duckdb/node-bindings-linux-x64)
  tar xzf "$tarball" package/libduckdb.so
  mv package/libduckdb.so . && rmdir package && rm -f "$tarball"
fi
echo "$dir/libduckdb.so"
