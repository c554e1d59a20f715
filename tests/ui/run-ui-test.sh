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
  # G_DEBUG=fatal-warnings and the malloc checks are for our programs only:
  # in the X server, the portals D-Bus starts and pyatspi itself they turned
  # harmless warnings ("Couldn't get application list") into crashes of the
  # test harness. Our programs get them back through small wrappers.
  for var in G_DEBUG MALLOC_CHECK_ MALLOC_PERTURB_; do
    eval "val=\${$var-}"
    [ -n "$val" ] && printf 'export %s=%s\n' "$var" "$val"
  done >"$tmp/debug-env"
  for prog in APP CLI; do
    eval "real=\${HS_$prog-}"
    [ -n "$real" ] || continue
    # HS_G_DEBUG_OVERRIDE: for the one run that opens GTK 4.8's shortcuts
    # window, which warns about a label of its own (language.py).
    printf '#!/bin/sh\n. "%s"\n[ -n "${HS_G_DEBUG_OVERRIDE+x}" ] && export G_DEBUG="$HS_G_DEBUG_OVERRIDE"\nexec "%s" "$@"\n' \
      "$tmp/debug-env" "$real" \
      >"$tmp/$prog"
    chmod +x "$tmp/$prog"
    export "HS_$prog=$tmp/$prog"
  done
  unset G_DEBUG MALLOC_CHECK_ MALLOC_PERTURB_
  dbus-run-session --config-file="$(dirname "$0")/session.conf" -- sh "$0" "$@"
  status=$?
  rm -rf "$tmp"
  exit $status
fi

# Inside the session: a private X server. -displayfd alone always starts
# from :0, and when tests run side by side an X server that is exiting can
# remove the socket of the one that has just taken its number ("cannot open
# display: :0" in CI). So each run takes a random number of its own and
# -displayfd only tells us when the server is ready. -noreset: the server
# otherwise resets each time its last client leaves, and a client that
# connects during the reset is refused.
dfile="$HS_UI_TEST_TMP/display"
display=
xvfb_pid=
for _ in $(seq 20); do
  n=$(( $(od -An -N2 -tu2 /dev/urandom | tr -dc 0-9) % 30000 + 100 ))
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
  : >"$dfile"
  Xvfb ":$n" -noreset -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$dfile" \
    >"$HS_UI_TEST_TMP/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do
    [ -s "$dfile" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -s "$dfile" ]; then display=$n; break; fi
  kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null
done
if [ -z "$display" ]; then
  echo "Bail out! Xvfb did not start"
  exit 99
fi
export DISPLAY=":$display"
# Ready means a client can connect; say why when it cannot.
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
if ! xdotool getdisplaygeometry >/dev/null 2>&1; then
  echo "Bail out! no client can connect to Xvfb on $DISPLAY"
  sed 's/^/# xvfb: /' "$HS_UI_TEST_TMP/xvfb.log"
  exit 99
fi

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
if [ "$status" != 0 ]; then
  kill -0 "$xvfb_pid" 2>/dev/null || echo "# Xvfb had exited"
  sed 's/^/# xvfb: /' "$HS_UI_TEST_TMP/xvfb.log"
fi

[ -n "$launcher_pid" ] && kill "$launcher_pid" 2>/dev/null
kill "$xvfb_pid" 2>/dev/null
wait "$xvfb_pid" 2>/dev/null
exit $status
