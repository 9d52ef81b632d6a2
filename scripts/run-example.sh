#!/usr/bin/env bash
# The main job: set up, build, and show the example campaign with the cw CLI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh" "$root/build" -DCW_BUILD_TESTS=OFF -DCW_BUILD_BENCH=OFF >/dev/null
"$root/build/cw" show "$root/examples/campaign.textproto"
