#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-ui-test.sh SCRIPT.py [ARG...]
#
# Runs a pyatspi script against the real app in a private X server and D-Bus
# session, with throwaway settings and data folders.
set -u

if [ "${HS_UI_TEST_INSIDE:-}" != 1 ]; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/hs-ui-test.XXXXXX") || exit 99
  mkdir -p "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
  chmod 700 "$tmp/runtime"
  export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
  export XDG_RUNTIME_DIR="$tmp/runtime" HS_UI_TEST_TMP="$tmp"
  export GDK_BACKEND=x11 GSK_RENDERER=cairo GSETTINGS_BACKEND=memory
  export HS_UI_TEST_INSIDE=1
  unset NO_AT_BRIDGE DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS
  dbus-run-session -- sh "$0" "$@"
  status=$?
  rm -rf "$tmp"
  exit $status
fi

# Inside the session: a private X server on a display it picks itself
# (xvfb-run -a races when several X servers start at once).
dfile="$HS_UI_TEST_TMP/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$dfile" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$dfile" ] && break; sleep 0.1; done
display=$(tr -dc 0-9 <"$dfile")
if [ -z "$display" ]; then
  echo "Bail out! Xvfb did not start"
  exit 99
fi
export DISPLAY=":$display"

# Start the accessibility bus now rather than on the first request, so the
# app and the script meet on the same one.
launcher=/usr/libexec/at-spi-bus-launcher
launcher_pid=
if [ -x "$launcher" ]; then
  "$launcher" --launch-immediately >/dev/null 2>&1 &
  launcher_pid=$!
  sleep 0.5
fi

/usr/bin/python3 "$@"
status=$?

[ -n "$launcher_pid" ] && kill "$launcher_pid" 2>/dev/null
kill "$xvfb_pid" 2>/dev/null
exit $status
