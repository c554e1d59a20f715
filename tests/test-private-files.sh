#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file the CLI writes with people's data in it is readable by its owner
# only (0600), whatever the umask: the database, backups, exports (CSV, XLSX,
# XML), one person's data, certificates and sign-in sheets. Env: HS_CLI.
set -u
umask 022
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli() { "$HS_CLI" --db "$work/office.db" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; return 1; }; }

n=0
check() {
  n=$((n + 1))
  mode=$(stat -c %a "$1" 2>/dev/null)
  if [ "$mode" = 600 ]; then echo "ok $n - $2 is 0600"; else echo "not ok $n - $2 is ${mode:-missing}"; fi
}

echo "1..13"
cli sample-data
check "$work/office.db" "the database"
for what in participants attendance graduates; do
  for format in csv xlsx; do
    cli export --what $what --format $format -o "$work/$what.$format"
  done
done
check "$work/participants.csv" "a CSV export"
check "$work/attendance.csv" "the attendance CSV"
check "$work/graduates.xlsx" "an XLSX export"
check "$work/participants.xlsx" "the participants XLSX"
cli export --format xml -o "$work/all.xml"
check "$work/all.xml" "the XML export"
cli backup -o "$work/office.hsbackup"
check "$work/office.hsbackup" "a backup"
printf 'a long passphrase\n' >"$work/pass"
cli backup -o "$work/sealed.hsbackup" --encrypt --passphrase-file "$work/pass"
check "$work/sealed.hsbackup" "an encrypted backup"
cli participants export-person 1 -o "$work/person.json"
check "$work/person.json" "one person's data"
cli participants export-person 1 -o "$work/person.pdf"
check "$work/person.pdf" "one person's data as PDF"
cli certificates --group "Musanze adults 1" -o "$work/certificates.pdf"
check "$work/certificates.pdf" "certificates"
# A file that was there before with a looser mode becomes private too.
: >"$work/again.pdf"; chmod 644 "$work/again.pdf"
cli certificates --group "Musanze adults 1" -o "$work/again.pdf"
check "$work/again.pdf" "certificates over an older file"
cli livelihoods report --format pdf -o "$work/follow-up.pdf"
check "$work/follow-up.pdf" "the livelihoods follow-up report"
