#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the screenshots in docs/screenshots/ (README, AppStream metainfo) from
# the real app on the demo database, so they always show what the app shows.
#   build-aux/screenshots.sh [BUILDDIR]      the dashboard, in English and Kinyarwanda
#   build-aux/screenshots.sh rw [BUILDDIR]   every page and dialog in Kinyarwanda, in
#                                            docs/screenshots/rw/ (for translators and
#                                            reviewers: look for clipped labels)
# The rw mode runs the test ui-language, which walks every page and dialog in
# Kinyarwanda, and keeps the pictures it takes (HS_UI_SHOTS).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
mode=main
if [ "${1:-}" = rw ]; then mode=rw; shift; fi
build=${1:-$top/build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "$mode" = rw ]; then
  out="$top/docs/screenshots/rw"
  mkdir -p "$tmp/shots" "$out"
  HS_UI_SHOTS="$tmp/shots" meson test -C "$build" --print-errorlogs ui-language ui-language-dialogs
  rm -f "$out"/*.png
  for png in "$tmp/shots"/*.png; do
    # 256 colours keep the text sharp at a third of the size.
    convert "$png" -strip -colors 256 "PNG8:$out/$(basename "$png")"
  done
  ls -s "$out"
  exit 0
fi

shot="$top/../shared/tools/shot"
[ -x "$shot" ] || shot=$(command -v shot)
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" GSETTINGS_BACKEND=memory
mkdir -p "$top/docs/screenshots"
"$shot" --size 1100x720 "$top/docs/screenshots/dashboard.png" -- \
  "$build/app/ui/healing-spaces" --demo --lang en
"$shot" --size 1100x720 "$top/docs/screenshots/dashboard-rw.png" -- \
  "$build/app/ui/healing-spaces" --demo --lang rw
rm -f "$top"/docs/screenshots/*.png.log
