#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every command of healing-spaces-cli given empty, huge, wrong-type and
malformed values: no crash (no signal, no GLib warning), a short message on
stderr that says what is wrong, a non-zero exit, and the database exactly as
it was (a digest of its SQL dump before and after). Prints TAP.
Env: HS_CLI (and G_DEBUG=fatal-warnings from the suite, so a critical
warning is a crash here)."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

CLI = os.environ['HS_CLI']


def digest(path):
    with sqlite3.connect('file:%s?mode=ro' % path, uri=True) as con:
        h = hashlib.sha256()
        for line in con.iterdump():
            h.update(line.encode())
        return h.hexdigest()


def main():
    work = tempfile.mkdtemp(prefix='hs-bad-input-')
    try:
        return run(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(work):
    db = os.path.join(work, 'office.db')
    subprocess.run([CLI, '--db', db, 'sample-data'], check=True, capture_output=True)
    groups = subprocess.run([CLI, '--db', db, 'groups', 'list', '--format', 'json'],
                            check=True, capture_output=True, text=True).stdout
    group = [g['name'] for g in json.loads(groups) if g['status'] == 'graduated'][0]
    trainees = subprocess.run([CLI, '--db', db, 'livelihoods', 'tvet', 'list', '--format',
                               'json'], check=True, capture_output=True, text=True).stdout
    prisoner = str(json.loads(trainees)[0]['participant_id'])
    out = os.path.join(work, 'out')
    missing_dir = os.path.join(work, 'no', 'such', 'folder', 'file')
    empty = os.path.join(work, 'empty')
    open(empty, 'w').close()
    binary = os.path.join(work, 'binary')
    with open(binary, 'wb') as f:
        f.write(bytes(range(256)) * 64)
    huge = 'x' * 100_000   # the kernel's limit for one argument is 128 KiB
    bad_utf8 = b'\xff\xfe\xc3'

    # (arguments, whether the command must refuse them)
    cases = [
        ([], True),
        (['frobnicate'], True),
        (['--lang'], True),
        (['sample-data'], True),                      # the database is not empty
        (['sample-data', '--scale', '-5'], True),
        (['sample-data', '--scale', 'abc'], True),
        (['sample-data', '--scale', '99999999999999999999999'], True),
        (['stats', '--format', 'yaml'], True),
        (['check', 'extra'], True),
        (['certificates'], True),
        (['certificates', '--group', '', '-o', out], True),
        (['certificates', '--group', 'No such group', '-o', out], True),
        (['certificates', '--group', huge, '-o', out], True),
        (['certificates', '--ceremony', '2026-02-30', '-o', out], True),
        (['certificates', '--group', group, '-o', missing_dir], True),
        (['certificates', '--group', group, '--participant', 'abc', '-o', out], True),
        (['certificates', '--group', group, '--lang', 'fr', '-o', out], True),
        (['certificates', '--group', group], True),
        (['verify'], True),
        (['verify', ''], True),
        (['verify', 'HS-9999-999999'], True),
        (['verify', huge], True),
        (['verify', bad_utf8], True),
        (['chart', '--kind', 'pie', '--format', 'png', '-o', out], True),
        (['chart', '--kind', 'district', '--size', '0x0', '--format', 'png', '-o', out], True),
        (['chart', '--kind', 'district', '--size', '99999999x99999999', '--format', 'png',
          '-o', out], True),
        (['chart', '--kind', 'district', '--format', 'bmp', '-o', out], True),
        (['chart', '--kind', 'district', '--format', 'png', '-o', missing_dir], True),
        (['schedule-preview', '--start', '2026-13-01', '--weekday', 'mon'], True),
        (['schedule-preview', '--start', '2026-01-05', '--weekday', 'funday'], True),
        (['schedule-preview', '--start', '2026-01-05', '--weekday', 'mon', '--sessions', '-1'],
         True),
        (['schedule-preview', '--start', '2026-01-05', '--weekday', 'mon', '--sessions',
          '100000000'], True),
        (['schedule-preview', '--start', '2026-01-05', '--weekday', 'mon', '--time', '25:61'],
         True),
        (['schedule-preview', '--start', huge, '--weekday', 'mon'], True),
        (['groups', 'list', '--format', 'yaml'], True),
        (['groups', 'frob'], True),
        (['attendance', 'show'], True),
        (['attendance', 'show', ''], True),
        (['attendance', 'show', 'No such group'], True),
        (['participants', 'show', 'abc'], True),
        (['participants', 'show', '-1'], True),
        (['participants', 'show', '99999999'], True),
        (['participants', 'show', '999999999999999999999999'], True),
        (['participants', 'erase', '1'], True),        # without --yes
        (['participants', 'erase', '99999999', '--yes'], True),
        (['participants', 'export-person', '1'], True),
        (['participants', 'export-person', '1', '-o', missing_dir + '.json'], True),
        (['participants', 'list', '--district', 'Atlantis'], True),
        (['participants', 'list', '--format', 'xml'], True),
        (['participants', 'list', '--search', huge], False),
        (['participants', 'list', '--search', bad_utf8], False),
        (['participants', 'list', '--search', '"*^(NEAR AND'], False),
        (['import', os.path.join(work, 'nothing.csv')], True),
        (['import', empty], True),
        (['import', binary], True),
        (['import', empty, '--duplicates', 'maybe'], True),
        (['backup'], True),
        (['backup', '-o', missing_dir], True),
        (['backup', '-o', out, '--passphrase-file', empty], True),   # without --encrypt
        (['backup', '-o', out, '--encrypt', '--passphrase-file', empty], True),
        (['restore', os.path.join(work, 'nothing.hsbackup')], True),
        (['restore', binary], True),
        (['restore', empty], True),
        (['export', '--what', 'nothing', '--format', 'csv', '-o', out], True),
        (['export', '--what', 'participants', '--format', 'pdf', '-o', out], True),
        (['export', '--what', 'participants', '--format', 'csv'], True),
        (['export', '--what', 'participants', '--format', 'csv', '-o', missing_dir], True),
        (['merge', os.path.join(work, 'nothing.xml')], True),
        (['merge', empty], True),
        (['merge', binary], True),
        (['dhis2', '--period', '2026Q5', '--format', 'xml', '-o', out], True),
        (['dhis2', '--period', 'abc', '--format', 'json', '-o', out], True),
        (['dhis2', '--period', '2026', '--format', 'csv', '-o', out], True),
        (['dhis2-map', 'orgunit', 'Atlantis', 'abcdefghijk'], True),
        (['dhis2-map', 'orgunit', 'Musanze', 'not-a-uid!'], True),
        (['dhis2-map', 'orgunit', 'Musanze', huge], True),
        (['dhis2-map', 'planet', 'Earth', 'abcdefghijk'], True),
        (['livelihoods', 'frob'], True),
        (['livelihoods', 'list', '--format', 'yaml'], True),
        (['livelihoods', 'report', '--format', 'doc', '-o', out], True),
        (['livelihoods', 'report', '--format', 'csv', '-o', out, '--as-of', '2026-99-99'],
         True),
        (['livelihoods', 'report', '--format', 'pdf', '-o', missing_dir], True),
        (['livelihoods', 'tvet'], True),
        (['livelihoods', 'tvet', 'list', '--format', 'xml'], True),
        (['livelihoods', 'tvet', 'add', '--trade', 'Masonry'], True),
        (['livelihoods', 'tvet', 'add', '--participant', 'abc', '--trade', 'Masonry'], True),
        (['livelihoods', 'tvet', 'add', '--participant', '99999999', '--trade', 'Masonry'], True),
        (['livelihoods', 'tvet', 'add', '--participant', '1', '--trade', 'Masonry'], True),
        (['livelihoods', 'tvet', 'add', '--participant', prisoner, '--trade', ''], True),
        (['livelihoods', 'tvet', 'add', '--participant', prisoner, '--trade', 'M',
          '--status', 'maybe'], True),
        (['livelihoods', 'tvet', 'add', '--participant', prisoner, '--trade', 'M',
          '--start', '31/02/2026'], True),
        (['livelihoods', 'tvet', 'add', '--participant', prisoner, '--trade', bad_utf8], True),
        (['livelihoods', 'targets', 'set'], True),
        (['livelihoods', 'targets', 'set', '--name', 'X', '--value', '-5'], True),
        (['livelihoods', 'targets', 'set', '--name', 'X', '--value', huge], True),
        (['livelihoods', 'targets', 'set', '--name', 'X', '--value', '5', '--female', '4',
          '--male', '4'], True),
        (['livelihoods', 'targets', 'set', '--name', 'X', '--value', '5', '--district',
          'Atlantis'], True),
        (['livelihoods', 'targets', 'set', '--name', 'X', '--value', '5', '--metric', 'cows'],
         True),
        (['livelihoods', 'targets', 'set', '--name', 'X', '--value', '5', '--from',
          '2026-12-31', '--to', '2026-01-01'], True),
        (['livelihoods', 'targets', 'set', '--name', bad_utf8, '--value', '5'], True),
        (['livelihoods', 'targets', 'set', '--id', '99999', '--value', '5'], True),
        (['livelihoods', 'targets', 'set', '--id', '1', '--name', ' '], True),
    ]

    before = digest(db)
    print('1..%d' % len(cases), flush=True)
    failed = 0
    for number, (args, must_refuse) in enumerate(cases, 1):
        shown = ' '.join(repr(a) if isinstance(a, bytes) else a if len(a) < 40
                         else a[:20] + '…(%d chars)' % len(a) for a in args)
        result = subprocess.run([CLI, '--db', db, *args], capture_output=True, timeout=120,
                                stdin=subprocess.DEVNULL)
        err = result.stderr.decode('utf-8', 'replace')
        problems = []
        if result.returncode < 0:
            problems.append('killed by signal %d' % -result.returncode)
        if any(word in err for word in ('CRITICAL', 'WARNING **', 'Sanitizer', 'Bail out')):
            problems.append('a warning or crash report on stderr')
        if must_refuse:
            if result.returncode not in (1, 2):
                problems.append('exit %d, not 1 or 2' % result.returncode)
            if not err.strip():
                problems.append('no message')
            elif len(err) > 2000:
                problems.append('a message of %d characters' % len(err))
        now = digest(db)
        if now != before:
            problems.append('the database changed')
            before = now
        if problems:
            failed += 1
            print('not ok %d - %s: %s' % (number, shown, '; '.join(problems)))
            for line in err.strip().splitlines()[:5]:
                print('#   %s' % line[:300])
        else:
            first = err.strip().splitlines()[0][:160] if err.strip() else '(accepted)'
            print('ok %d - %s: %s' % (number, shown, first))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
