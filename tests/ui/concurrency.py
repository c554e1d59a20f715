#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window open on the Participants page while the command line imports
batches of people into the same file, and the window saves a person of its
own while each import runs. Both writers succeed (busy_timeout, no 'database
is locked' anywhere), the window's count follows the file, and the file is
intact afterwards. Prints TAP, with the time each step took as comments.

HS_CONCURRENCY_SCALE=N starts from `sample-data --scale N` (the suite uses
the plain sample; docs/reliability.md gives the figures of a 100,000 run);
HS_CONCURRENCY_ROWS (default 500) and HS_CONCURRENCY_ROUNDS (default 1) size
the imports. Run it through run-ui-test.sh.
"""

import os
import re
import subprocess
import sys
import threading
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, field, find_all, labels, run_tests, wait_for, TMP  # noqa: E402
from groups import show_section  # noqa: E402

CLI = os.environ['HS_CLI']
SCALE = int(os.environ.get('HS_CONCURRENCY_SCALE', '0'))
ROWS = int(os.environ.get('HS_CONCURRENCY_ROWS', '500'))
ROUNDS = int(os.environ.get('HS_CONCURRENCY_ROUNDS', '1'))
START = time.monotonic()


def note(text):
    print('# %6.1f s: %s' % (time.monotonic() - START, text), flush=True)


def count(page):
    for text in labels(page):
        match = re.fullmatch(r'([\d,]+) participants?', text)
        if match:
            return int(match.group(1).replace(',', ''))
    return None


def csv_batch(round_number):
    path = os.path.join(TMP, 'batch-%s.csv' % round_number)
    with open(path, 'w', encoding='utf-8') as out:
        out.write('name,sex,birth_year,district,category\n')
        for i in range(ROWS):
            out.write('Uwimana Batch%sx%d,%s,%d,Musanze,survivor\n'
                      % (round_number, i, 'FM'[i % 2], 1960 + i % 40))
    return path


def no_lock_message(app, page):
    said = [t for t in labels(page) if 'locked' in t.lower() or 'busy' in t.lower()]
    if said:
        raise Failure('the window says %r' % said)
    with open(app.log_path, errors='replace') as log:
        if 'locked' in log.read().lower():
            raise Failure('the app logged "locked": %r' % app.log_tail())


def open_form(app, page):
    """Ctrl+N: the fields of a new record (found before the writes begin:
    the list reloading under a search of the whole page makes it slow)."""
    app.keys('ctrl+n')
    name, year = field(page, 'Full name'), field(page, 'Birth year')
    form = name.parent
    while not find_all(form, None, 'Birth year'):
        form = form.parent
    return name, year, form


def add_in_window(app, page, fields, name):
    """A name and a year; Save marks Sex, which the keyboard picks."""
    fields[0].queryEditableText().setTextContents(name)
    fields[1].queryEditableText().setTextContents('1985')
    app.keys('ctrl+s')
    wait_for('the message under Sex', lambda: any(
        t.startswith('Choose the participant') for t in labels(fields[2])))
    app.keys('Return')
    time.sleep(0.5)
    app.keys('Down', 'Return')
    time.sleep(0.5)
    app.keys('ctrl+s')


def test_cli_writes_while_window_open(app):
    """window open while the command line imports: both write, nothing locked"""
    db = os.path.join(TMP, 'concurrency.db')
    args = ['--scale', str(SCALE)] if SCALE else []
    started = time.monotonic()
    subprocess.run([CLI, '--db', db, 'sample-data', *args], check=True, timeout=1800,
                   stdout=subprocess.DEVNULL)
    note('sample-data%s: %.1f s, %.0f MB' % (' --scale %d' % SCALE if SCALE else '',
                                             time.monotonic() - started,
                                             os.path.getsize(db) / 1e6))

    started = time.monotonic()
    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    wait_for('the Participants section', lambda: show_section(frame, 'Participants'),
             timeout=300)
    page = wait_for('the Participants page', lambda: [
        n for n in find_all(frame, None, 'Participants')
        if n.getRole() not in (pyatspi.ROLE_LABEL, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE,
                               pyatspi.ROLE_TREE_TABLE)
        and find_all(n, None, 'Search participants')], timeout=300)[0]
    total = wait_for('a participant count', lambda: count(page), timeout=120)
    note('window open on %d participants after %.1f s' % (total, time.monotonic() - started))

    for number in range(ROUNDS):
        # The command line imports batch after batch until the window's own
        # save is in the file, so that the two writers overlap.
        saved = threading.Event()
        imports = []

        def write():
            batch = 0
            while not saved.is_set() or not imports:
                path = csv_batch('%d-%d' % (number, batch))
                began = time.monotonic()
                done = subprocess.run([CLI, '--db', db, 'import', path, '--duplicates', 'import'],
                                      capture_output=True, text=True, timeout=600)
                imports.append((done.returncode, done.stdout + done.stderr,
                                time.monotonic() - began))
                batch += 1
        fields = open_form(app, page)
        writer = threading.Thread(target=write)
        started = time.monotonic()
        writer.start()
        # Names unlike each other's, or the form asks whether it is the same person.
        name = ['Tuyishime Qwerty', 'Ishimwe Zebulon', 'Gatete Xyloph'][number % 3]
        try:
            add_in_window(app, page, fields, name)
            wait_for('%s in the file' % name, lambda: name in subprocess.run(
                [CLI, '--db', db, 'participants', 'list', '--search', name, '--format', 'csv'],
                capture_output=True, text=True, timeout=60).stdout, timeout=60)
        finally:
            saved.set()
            writer.join()
        for status, output, _ in imports:
            if status != 0 or 'locked' in output.lower():
                raise Failure('an import ended with %d: %s' % (status, output[-400:]))
        total += ROWS * len(imports) + 1
        wait_for('the window to count %d' % total, lambda: count(page) == total, timeout=120)
        note('round %d: %d imports of %d rows by the CLI (%.2f–%.2f s each) while the window '
             'saved one person; the window shows %d %.1f s after the first import began'
             % (number + 1, len(imports), ROWS, min(i[2] for i in imports),
                max(i[2] for i in imports), total, time.monotonic() - started))
        no_lock_message(app, page)

    check = subprocess.run([CLI, '--db', db, 'check'], capture_output=True, text=True,
                           timeout=600)
    if check.returncode != 0:
        raise Failure('check after the writes: %s' % (check.stdout + check.stderr))
    integrity = subprocess.run(['sqlite3', db, 'PRAGMA integrity_check;',
                                'PRAGMA foreign_key_check;'], capture_output=True, text=True,
                               timeout=600).stdout.split()
    if integrity != ['ok']:
        raise Failure('integrity_check and foreign_key_check: %r' % integrity[:10])
    note('check, integrity_check ok, foreign_key_check empty')


def main():
    def shoot():
        if os.environ.get('HS_UI_SHOTS'):
            subprocess.run(['import', '-window', 'root',
                            os.path.join(os.environ['HS_UI_SHOTS'], 'concurrency-failure.png')])
    return run_tests([test_cli_writes_while_window_open], on_failure=shoot)


if __name__ == '__main__':
    sys.exit(main())
