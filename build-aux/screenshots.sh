#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the screenshots in docs/screenshots/ (README, AppStream metainfo) from
# the real app on the demo database, so they always show what the app shows.
#   build-aux/screenshots.sh [BUILDDIR]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
shot="$top/../shared/tools/shot"
[ -x "$shot" ] || shot=$(command -v shot)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" GSETTINGS_BACKEND=memory
mkdir -p "$top/docs/screenshots"
"$shot" --size 1100x720 "$top/docs/screenshots/dashboard.png" -- \
  "$build/app/ui/healing-spaces" --demo --lang en
"$shot" --size 1100x720 "$top/docs/screenshots/dashboard-rw.png" -- \
  "$build/app/ui/healing-spaces" --demo --lang rw
rm -f "$top"/docs/screenshots/*.png.log
