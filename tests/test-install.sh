#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a throwaway DESTDIR and checks that everything a
# desktop needs lands where it belongs, and that the installed CLI runs.
set -euo pipefail
build=${1:?usage: test-install.sh BUILDDIR}
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null
prefix=$(meson introspect "$build" --buildoptions |
         python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"))')
root="$dest$prefix"
id=io.github.healingspaces.HealingSpaces
status=0
for f in \
  bin/healing-spaces \
  bin/healing-spaces-cli \
  share/applications/$id.desktop \
  share/metainfo/$id.metainfo.xml \
  share/glib-2.0/schemas/$id.gschema.xml \
  share/icons/hicolor/scalable/apps/$id.svg \
  share/icons/hicolor/symbolic/apps/$id-symbolic.svg \
  share/locale/rw/LC_MESSAGES/healing-spaces.mo \
  share/man/man1/healing-spaces-cli.1
do
  if [ -e "$root/$f" ]; then echo "ok - installed $f"; else echo "not ok - missing $f"; status=1; fi
done
# The translated desktop file and metainfo carry Kinyarwanda.
grep -q '\[rw\]=' "$root/share/applications/$id.desktop" \
  && echo "ok - desktop file translated" || { echo "not ok - desktop file has no rw name"; status=1; }
grep -q 'xml:lang="rw"' "$root/share/metainfo/$id.metainfo.xml" \
  && echo "ok - metainfo translated" || { echo "not ok - metainfo has no rw text"; status=1; }
desktop-file-validate "$root/share/applications/$id.desktop" && echo "ok - desktop file valid" \
  || { echo "not ok - desktop-file-validate"; status=1; }
# Pedantic, except the uppercase letters GNOME's reverse-DNS ids always have.
out=$(appstreamcli validate --no-net --pedantic --format=text "$root/share/metainfo/$id.metainfo.xml" 2>&1 || true)
if echo "$out" | grep -E '^[EWIP]:' | grep -v 'cid-contains-uppercase-letter' | grep -q .; then
  echo "not ok - appstreamcli validate"; echo "$out" | sed 's/^/# /'; status=1
else
  echo "ok - metainfo valid (pedantic)"
fi
# The installed CLI works from its installed place.
"$root/bin/healing-spaces-cli" --db "$dest/x.db" sample-data >/dev/null
"$root/bin/healing-spaces-cli" --db "$dest/x.db" stats --format json | grep -q '"graduates":836' \
  && echo "ok - installed CLI runs" || { echo "not ok - installed CLI"; status=1; }
# The installed app starts on its installed settings schema and shows the
# demo programme (smoke.py's test_demo, under a private Xvfb and D-Bus).
schemas="$dest/schemas"
mkdir -p "$schemas"
cp "$root/share/glib-2.0/schemas/$id.gschema.xml" "$schemas/"
glib-compile-schemas --strict "$schemas"
ui="$(cd "$(dirname "$0")" && pwd)/ui"
if out=$(HS_APP="$root/bin/healing-spaces" GSETTINGS_SCHEMA_DIR="$schemas" \
         sh "$ui/run-ui-test.sh" "$ui/smoke.py" test_demo 2>&1); then
  echo "ok - the installed app shows the demo programme"
else
  echo "not ok - the installed app"; echo "$out" | sed 's/^/# /'; status=1
fi
exit $status
