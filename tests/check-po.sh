#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when po/rw.po is not 100 % translated, has fuzzy entries, does not
# compile, or when a source file with translatable strings is missing from
# po/POTFILES (its strings would never reach translators).
set -euo pipefail
top=${HS_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$top"
status=0

stats=$(msgfmt --check --statistics -o /dev/null po/rw.po 2>&1) || { echo "$stats"; exit 1; }
echo "rw.po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/rw.po has untranslated or fuzzy messages"; status=1;;
esac

while IFS= read -r f; do
  grep -qxF "$f" po/POTFILES || { echo "$f has translatable strings but is not in po/POTFILES"; status=1; }
done < <(grep -lE '\b(N?C?_|g_dngettext|ngettext)\(|translatable="yes"' \
           $(git ls-files 'app/*.c' 'ui/*.ui' 2>/dev/null || find app ui -name '*.c' -o -name '*.ui') | sort)

# Every message of the sources must be translated in rw.po: merge the
# sources' template into a copy and count what is left untranslated.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 --files-from=po/POTFILES --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --keyword=hs_report_pgettext:2c,3 --keyword=g_dpgettext2:2c,3 \
  --add-comments=Translators -o "$tmp/hs.pot"
msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" po/rw.po "$tmp/hs.pot"
merged=$(msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
case "$merged" in
  *untranslated*|*fuzzy*)
    echo "po/rw.po lacks translations of messages the sources use ($merged):"
    msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid "' | sed -n '2,30p'
    echo "Update it with: ninja -C build healing-spaces-update-po, then translate."
    status=1;;
esac
exit $status
