#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints a ceremony's certificates from the Certificates page through GTK's
print dialog to the CUPS queue named in $HS_PRINTER: Print…, pick the queue
in the dialog, Print. Checks that the register then holds the graduates'
serials (issued when the dialog is confirmed) and prints the graduates'
names, one a line, to $HS_PRINT_NAMES for test-certificate-print.sh to
find the queue's PDF. Prints TAP.

Run it through run-ui-test.sh, as root, with cupsd serving $HS_PRINTER.
"""

import os
import pwd
import sqlite3
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, find_all, text_of, wait_for, TMP  # noqa: E402
from groups import buttons, cli, click, run_one, shoot, show_section  # noqa: E402

PRINTER = os.environ['HS_PRINTER']


def query(db, sql, *args):
    with sqlite3.connect('file:%s?mode=ro' % db, uri=True) as con:
        return con.execute(sql, args).fetchall()


def test_print(app):
    started = time.time()
    db = os.path.join(TMP, 'print.db')
    cli('--db', db, 'sample-data')
    # The page opens on the newest ceremony.
    names = [row[0] for row in query(
        db, "SELECT p.full_name FROM membership m JOIN participant p ON p.id = m.participant_id"
            " JOIN hgroup g ON g.id = m.group_id WHERE m.outcome = 'graduated'"
            " AND g.graduation_date = (SELECT max (graduation_date) FROM hgroup)")]

    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    wait_for('the Certificates section', lambda: show_section(frame, 'Certificates'))
    page = wait_for('the Certificates page', lambda: find_all(frame, pyatspi.ROLE_FILLER,
                                                              'HsCertificatesPage'))[0]
    wanted = '%d of %d selected' % (len(names), len(names))
    wait_for(wanted, lambda: [label for label in find_all(page, pyatspi.ROLE_LABEL)
                              if text_of(label) == wanted])

    buttons(page, 'Print…')[0].queryAction().doAction(0)
    dialog = wait_for('the print dialog', lambda: [
        app.accessible().getChildAtIndex(i) for i in range(app.accessible().childCount)
        if app.accessible().getChildAtIndex(i).name == 'Print'])[0]
    cell = wait_for('%s in the dialog' % PRINTER, lambda: [
        c for c in find_all(dialog, None, PRINTER)
        if c.getRole() in (pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_LABEL)])[0]
    click(cell)
    shoot('print-dialog')
    buttons(dialog, 'Print')[0].queryAction().doAction(0)
    wait_for('the serials issued', lambda: query(
        db, "SELECT count (*) FROM certificate")[0][0] == len(names), timeout=60)
    # The job reaches the queue after the dialog closed: keep the app
    # running until cups-pdf wrote it.
    outdir = os.path.join(pwd.getpwuid(os.getuid()).pw_dir, 'PDF')
    wait_for('the queue\'s PDF', lambda: [
        f for f in (os.listdir(outdir) if os.path.isdir(outdir) else [])
        if f.endswith('.pdf') and os.path.getmtime(os.path.join(outdir, f)) >= started],
        timeout=120)
    with open(os.environ['HS_PRINT_NAMES'], 'w') as out:
        out.write(''.join(name + '\n' for name in names))


def main():
    return run_one('print: certificates through the print dialog to a CUPS queue', test_print)


if __name__ == '__main__':
    sys.exit(main())
