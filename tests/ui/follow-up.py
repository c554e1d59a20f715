#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The follow-up report from the Reports page: the headline it shows, then
Save as CSV… and Save as PDF… through GTK's file chooser. The CSV must be
the very file `livelihoods report --format csv` writes the same day, and
the PDF a real PDF. Prints TAP.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
HS_UI_SHOTS=DIR saves a screenshot of each screen there.
"""

import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, find_all, text_of, wait_for, TMP  # noqa: E402
from groups import cli, run_one, shoot, show_section  # noqa: E402
from backup import choose_file  # noqa: E402


def press(box, name):
    """GTK 4.8 names these buttons "<accessible label> <visible label>"."""
    [b for b in find_all(box, pyatspi.ROLE_PUSH_BUTTON)
     if b.name.startswith(name)][0].queryAction().doAction(0)


def saved(path):
    return os.path.exists(path) and os.path.getsize(path) > 0


def test_follow_up_report(app):
    db = os.path.join(TMP, 'follow-up.db')
    cli('--db', db, 'sample-data')
    expected = os.path.join(TMP, 'expected.csv')
    cli('--db', db, 'livelihoods', 'report', '--format', 'csv', '-o', expected)

    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    wait_for('the Reports section', lambda: show_section(frame, 'Reports'))
    box = wait_for('the follow-up report', lambda: find_all(frame, None, 'Follow-up report'))[0]
    summary = wait_for('the headline', lambda: [
        text_of(label) for label in find_all(box, pyatspi.ROLE_LABEL)
        if text_of(label).startswith('Of 836')])
    if 'Groups still active after 6 months' not in summary[0]:
        raise Failure('the headline reads %r' % summary[0])
    shoot('follow-up-1-reports')

    csv = os.path.join(TMP, 'follow-up.csv')
    press(box, 'Save the follow-up report as CSV')
    choose_file(app, 'Save Follow-up Report as CSV', csv, 'Save')
    wait_for('the CSV file', lambda: saved(csv))
    with open(csv, 'rb') as got, open(expected, 'rb') as want:
        if got.read() != want.read():
            raise Failure('the saved CSV differs from livelihoods report --format csv')

    pdf = os.path.join(TMP, 'follow-up.pdf')
    press(box, 'Save the follow-up report as PDF')
    choose_file(app, 'Save Follow-up Report as PDF', pdf, 'Save')
    wait_for('the PDF file', lambda: saved(pdf))
    with open(pdf, 'rb') as f:
        if not f.read(5) == b'%PDF-':
            raise Failure('the saved report is not a PDF')
    if os.stat(pdf).st_mode & 0o077:
        raise Failure('the PDF can be read by others: mode %o' % os.stat(pdf).st_mode)
    shoot('follow-up-2-saved')


def main():
    return run_one('follow-up report: saved from the Reports page as CSV and PDF',
                   test_follow_up_report, lambda: shoot('follow-up-failure'))


if __name__ == '__main__':
    sys.exit(main())
