#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is needed, builds from scratch and runs every test headless
# (core, report, CLI, translations, and the GUI under Xvfb + D-Bus + AT-SPI).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/build-aux/install-deps.sh"
cd "$top"
builddir=${HS_TEST_BUILDDIR:-build-test}
werror=false
[ "${CI:-}" = true ] && werror=true
rm -rf "$builddir"
meson setup "$builddir" -Dwerror=$werror >/dev/null
ninja -C "$builddir"
status=0
meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=$?
# One closing line that any CI can read.
python3 - "$builddir/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"): passed += 1
    elif r == "SKIP": skipped += 1
    else: failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
