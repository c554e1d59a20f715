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
logs=("$builddir/meson-logs/testlog.json")

# The core tests again under valgrind memcheck: a definite leak or an invalid
# read or write fails the run.
if [ "${HS_SKIP_VALGRIND:-}" != 1 ]; then
  meson test -C "$builddir" --print-errorlogs --num-processes 2 --suite core \
    --timeout-multiplier 4 --logbase valgrind \
    --wrapper "valgrind --quiet --error-exitcode=1 --leak-check=full \
               --errors-for-leak-kinds=definite --show-leak-kinds=definite \
               --suppressions=/usr/share/glib-2.0/valgrind/glib.supp" || status=$?
  logs+=("$builddir/meson-logs/valgrind-valgrind.json")
fi

# The GTK-free tests again under AddressSanitizer + UndefinedBehaviorSanitizer:
# memory errors, leaks and undefined behaviour fail the run.
if [ "${HS_SKIP_SANITIZERS:-}" != 1 ]; then
  asan="$builddir-asan"
  rm -rf "$asan"
  meson setup "$asan" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug >/dev/null
  ninja -C "$asan"
  HS_TEST_HUGE_MB=16 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS=suppressions="$top/tests/lsan.supp":print_suppressions=0 \
    meson test -C "$asan" --print-errorlogs --num-processes 2 --timeout-multiplier 3 \
      --suite core --suite cli \
      --suite report --suite io --suite fuzz || status=$?
  logs+=("$asan/meson-logs/testlog.json")
fi

# The fuzz harnesses for 30 s each (2 at a time): 0 crashes, leaks or
# changed databases. The corpus is replayed by the suite above as well.
if [ "${HS_SKIP_FUZZ:-}" != 1 ]; then
  HS_FUZZ_BUILDDIR="$builddir-fuzz" bash "$top/build-aux/fuzz.sh" 30 || status=$?
fi

# One closing line that any CI can read.
python3 - "${logs[@]}" <<'PY'
import json, sys
passed = failed = skipped = 0
for log in sys.argv[1:]:
    for line in open(log):
        r = json.loads(line)
        result = r["result"]
        if result in ("OK", "EXPECTEDFAIL"): passed += 1
        elif result == "SKIP": skipped += 1
        else:
            failed += 1
            # CI shows only the end of what we print: repeat what a failed
            # test wrote (its TAP lines say why) next to the count.
            print(f"--- {r['name']}: {result}")
            for stream in ("stdout", "stderr"):
                for text in (r.get(stream) or "").splitlines()[-25:]:
                    print(f"  {stream}: {text}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
