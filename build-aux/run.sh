#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is needed, builds, and starts Healing Spaces.
# With no arguments it opens the demo database (the seed article's programme);
# any arguments are passed to the app, e.g. --db ~/programme.db or --lang rw.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/build-aux/install-deps.sh"
cd "$top"
[ -d build ] || meson setup build
ninja -C build
if [ $# -eq 0 ]; then set -- --demo; fi
exec build/app/ui/healing-spaces "$@"
