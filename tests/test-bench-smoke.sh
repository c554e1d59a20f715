#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The benchmark (bench-hs) on 2,000 people: it must run through and print its
# table with every row, each with a result. Its times are not checked.
set -u
out=$(mktemp "${TMPDIR:-/tmp}/hs-bench-smoke.XXXXXX") || exit 99
trap 'rm -f "$out"' EXIT
echo "1..3"
if "$HS_BENCH" 2000 >"$out" 2>&1; then echo "ok 1 - bench-hs 2000 exits 0"
else echo "not ok 1 - bench-hs 2000 exits 0"; sed 's/^/# /' "$out"; fi
if grep -q '^| measure | ours | baseline | ratio | target | result |$' "$out"; then
  echo "ok 2 - the table has its header"
else echo "not ok 2 - the table has its header"; fi
rows=$(grep -cE '^\| .* \| (pass|FAIL|skip) \|$' "$out")
if [ "$rows" -eq 16 ] && grep -q '^16 rows, ' "$out"; then
  echo "ok 3 - 16 rows, each with a result"
else
  echo "not ok 3 - 16 rows, each with a result (found $rows)"
  sed 's/^/# /' "$out"
fi
