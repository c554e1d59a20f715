#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders a group's certificates through the app's print operation
# (GtkPrintOperation, A4 landscape), sends the job to a real CUPS queue
# (cups-pdf) with lp and checks the PDF the queue writes: one page per
# graduate, every name on it. (GTK 4.8 crashes when it sends a job to CUPS
# without its dialog; see print-certificates.c.) Then the whole app: the
# Certificates page's Print… button, the queue picked in GTK's print dialog
# (tests/ui/certificates-print.py), and the page count of the PDF the queue
# writes. Needs root (it starts cupsd and adds a queue),
# Xvfb and dbus; skipped (77) when any is missing. Env: HS_PRINT_CERTIFICATES.
set -u
queue=HsCertificatesTest
ui_dir=${HS_UI_DIR:-$(dirname "$0")/ui}
for tool in cupsd lpadmin lpstat lp getent xvfb-run dbus-run-session pdfinfo pdftotext; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || { echo "1..0 # SKIP $tool is missing"; exit 77; }
done
[ "$(id -u)" = 0 ] || { echo "1..0 # SKIP needs root to run cupsd"; exit 77; }
[ -f /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd ] || { echo "1..0 # SKIP printer-driver-cups-pdf is missing"; exit 77; }

work=$(mktemp -d)
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME"
started=""
cleanup() {
  /usr/sbin/lpadmin -x "$queue" 2>/dev/null
  [ -n "$started" ] && kill "$started" 2>/dev/null && wait "$started" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# Our own cupsd unless one is already serving.
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  /usr/sbin/cupsd -f &
  started=$!
  for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.1; done
fi
/usr/sbin/lpadmin -p "$queue" -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null \
  || { echo "not ok 1 - lpadmin could not add the cups-pdf queue"; exit 1; }

echo "1..5"
# No fatal warnings here: GTK warns that there is no system bus or colord.
names=$(G_DEBUG=gc-friendly GSETTINGS_BACKEND=memory HS_PRINTER="$queue" xvfb-run -a dbus-run-session -- "$HS_PRINT_CERTIFICATES" "$work/print.db" \
          "$work/job.pdf" "Musanze adults 1" 2>"$work/print.log")
if [ $? -ne 0 ] || ! lp -d "$queue" -t "hs-certificates-test-$$" "$work/job.pdf" >/dev/null 2>>"$work/print.log"; then
  echo "not ok 1 - printing through the app's print operation"; sed 's/^/# /' "$work/print.log"; exit 1
fi
echo "ok 1 - printing through the app's print operation"

# cups-pdf writes into the PDF folder of the user's home from the password file.
outdir="$(getent passwd "$(id -un)" | cut -d: -f6)/PDF"
pdf=""
# Ghostscript may still be writing it: wait until it is a whole PDF.
for _ in $(seq 300); do
  pdf=$(ls -t "$outdir"/hs-certificates-test-$$*.pdf 2>/dev/null | head -n 1)
  [ -n "$pdf" ] && ! lpstat -o "$queue" 2>/dev/null | grep -q . \
    && pdfinfo "$pdf" >/dev/null 2>&1 && break
  sleep 0.2
done
[ -n "$pdf" ] || { echo "not ok 2 - the queue wrote no PDF in $outdir"; exit 1; }
size_before=-1
while [ "$(stat -c %s "$pdf")" != "$size_before" ]; do size_before=$(stat -c %s "$pdf"); sleep 0.5; done
expected=$(printf '%s\n' "$names" | grep -c .)
pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
size=$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')
if [ "$pages" = "$expected" ] && [ "$expected" -gt 0 ]; then
  echo "ok 2 - $pages pages for $expected graduates ($size)"
else
  echo "not ok 2 - $pages pages for $expected graduates"; exit 1
fi

# cups-pdf runs the job through Ghostscript, which turns glyphs into outlines:
# its PDF has no text to search. The names are checked in the job the queue
# printed from.
rm -f "$pdf"
text=$(pdftotext "$work/job.pdf" -)
missing=0
printf '%s\n' "$names" | while IFS= read -r name; do
  [ -z "$name" ] && continue
  printf '%s' "$text" | grep -qF "$name" || { echo "# missing: $name"; exit 1; }
done || missing=1
if [ "$missing" = 0 ] && printf '%s' "$text" | grep -q "ICYEMEZO CYO GUSOZA" \
   && printf '%s' "$text" | grep -q "CERTIFICATE OF COMPLETION"; then
  echo "ok 3 - every name and both languages are in the print job"
else
  echo "not ok 3 - names or wording missing from the print job"; exit 1
fi

# The next print job offers the printer this one went to (print-settings key).
if grep -qx "remembered: $queue" "$work/print.log"; then
  echo "ok 4 - the next print job offers $queue again"
else
  echo "not ok 4 - the printer was not remembered"; sed 's/^/# /' "$work/print.log"; exit 1
fi

# The app's own print path: Print… on the Certificates page, this queue
# chosen in GTK's print dialog, Print. cups-pdf names the file after the job.
if ! command -v xdotool >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import pyatspi' 2>/dev/null \
   || [ -z "${HS_APP:-}" ]; then
  echo "ok 5 # SKIP xdotool, pyatspi or the app is missing"; exit 0
fi
touch "$work/marker"
# Not fatal-warnings: GTK warns that there is no system bus or colord.
if ! G_DEBUG=gc-friendly HS_PRINTER="$queue" HS_PRINT_NAMES="$work/dialog-names" \
     sh "$ui_dir/run-ui-test.sh" "$ui_dir/certificates-print.py" >"$work/dialog.log" 2>&1; then
  echo "not ok 5 - printing from the Certificates page through the print dialog"
  sed 's/^/# /' "$work/dialog.log" | tail -n 20; exit 1
fi
# Ghostscript may still be writing it.
pdf=$(find "$outdir" -name 'Graduation_certificates*.pdf' -newer "$work/marker" | head -n 1)
for _ in $(seq 300); do
  [ -n "$pdf" ] && pdfinfo "$pdf" >/dev/null 2>&1 && break
  sleep 0.2
done
size_before=-1
while [ -n "$pdf" ] && [ "$(stat -c %s "$pdf")" != "$size_before" ]; do
  size_before=$(stat -c %s "$pdf"); sleep 0.5
done
expected=$(grep -c . "$work/dialog-names")
pages=$( [ -n "$pdf" ] && pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
[ -n "$pdf" ] && rm -f "$pdf"
if [ "$pages" = "$expected" ] && [ "$expected" -gt 0 ]; then
  echo "ok 5 - the Print… button and the print dialog: $pages pages for $expected graduates"
else
  echo "not ok 5 - the print dialog's job has ${pages:-no} pages for $expected graduates"; exit 1
fi
