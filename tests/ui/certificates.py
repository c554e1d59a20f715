#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Certificates page through AT-SPI: choose a graduated group, preview its
certificates, untick one graduate, save a PDF through the file chooser, and
check the PDF (one page per ticked graduate, the unticked one absent), the
register (serials for exactly those graduates) and `healing-spaces-cli
verify` on one of them. Prints TAP.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
HS_UI_SHOTS=DIR saves a screenshot of each screen there.
"""

import os
import sqlite3
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, find_all, text_of, wait_for, TMP  # noqa: E402
from groups import buttons, click, cli, run_one, shoot, show_section  # noqa: E402

CLI = os.environ['HS_CLI']


def window(app, title):
    """A top-level window of the app (frame or dialog) by its title."""
    accessible = app.accessible()

    def probe():
        for i in range(accessible.childCount):
            child = accessible.getChildAtIndex(i)
            if child is not None and child.name == title:
                return child
        return None
    return wait_for('a window titled %r' % title, probe)


def selected_text(page):
    for label in find_all(page, pyatspi.ROLE_LABEL):
        text = text_of(label)
        if text.endswith(' selected'):
            return text
    return None


def graduates_of(db, group):
    with sqlite3.connect('file:%s?mode=ro' % db, uri=True) as con:
        return [row[0] for row in con.execute(
            "SELECT p.full_name FROM membership m JOIN participant p ON p.id = m.participant_id"
            " JOIN hgroup g ON g.id = m.group_id WHERE g.name = ? AND m.outcome = 'graduated'"
            " ORDER BY p.full_name", (group,))]


def register(db):
    with sqlite3.connect('file:%s?mode=ro' % db, uri=True) as con:
        return con.execute("SELECT c.serial, p.full_name FROM certificate c JOIN participant p"
                           " ON p.id = c.participant_id ORDER BY c.serial").fetchall()


def pdf_pages(path):
    info = subprocess.run(['pdfinfo', path], check=True, capture_output=True,
                          text=True).stdout
    return int([line for line in info.splitlines() if line.startswith('Pages:')][0].split()[1])


def choose_batch(page, index, label):
    """Opens the Graduates combo row and picks its @index-th entry by keyboard:
    the popover is a surface of its own, where clicks by window coordinates miss."""
    row = wait_for('the Graduates row', lambda: find_all(page, pyatspi.ROLE_COMBO_BOX,
                                                         'Graduates'))[0]
    click(row)
    time.sleep(0.5)
    shoot('certificate-batches')
    subprocess.run(['xdotool', 'key', '--delay', '100'] + ['Down'] * index + ['Return'],
                   check=True)
    wait_for('%r chosen' % label, lambda: [
        l for l in find_all(row, pyatspi.ROLE_LABEL) if text_of(l).strip() == label])


def test_certificates(app):
    db = os.path.join(TMP, 'certificates.db')
    pdf = os.path.join(TMP, 'chosen.pdf')
    cli('--db', db, 'sample-data')
    # The second group of the newest ceremony: third in the list of batches,
    # after the ceremony and its first group.
    with sqlite3.connect('file:%s?mode=ro' % db, uri=True) as con:
        group = con.execute("SELECT g.name FROM hgroup g JOIN membership m ON m.group_id = g.id"
                            " WHERE m.outcome = 'graduated' GROUP BY g.id"
                            " ORDER BY g.graduation_date DESC, g.name COLLATE NOCASE"
                            " LIMIT 1 OFFSET 1").fetchone()[0]
    names = graduates_of(db, group)
    if len(names) < 3:
        raise Failure('%s has only %d graduates' % (group, len(names)))

    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    wait_for('the Certificates section', lambda: show_section(frame, 'Certificates'))
    page = wait_for('the Certificates page', lambda: find_all(frame, pyatspi.ROLE_FILLER,
                                                              'HsCertificatesPage'))[0]
    choose_batch(page, 2, '%s — %d graduates' % (group, len(names)))
    wait_for('%d of %d selected' % (len(names), len(names)),
             lambda: selected_text(page) == '%d of %d selected' % (len(names), len(names)))

    buttons(page, 'Preview')[0].queryAction().doAction(0)
    preview = window(app, 'Certificate Preview')
    wait_for('page 1 of %d in the preview' % len(names), lambda: [
        label for label in find_all(preview, pyatspi.ROLE_LABEL)
        if text_of(label) == '1 of %d' % len(names)])
    shoot('certificate-preview')
    subprocess.run(['xdotool', 'key', 'Escape'], check=True)
    wait_for('the preview closed', lambda: all(
        app.accessible().getChildAtIndex(i).name != 'Certificate Preview'
        for i in range(app.accessible().childCount)))

    left_out = names[1]
    check = wait_for('the tick of %s' % left_out,
                     lambda: [c for c in find_all(page, pyatspi.ROLE_CHECK_BOX)
                              if c.name == left_out or c.name.endswith(' ' + left_out)])[0]
    click(check)  # check buttons have no AT-SPI action on GTK 4.8
    wanted = len(names) - 1
    wait_for('%d of %d selected' % (wanted, len(names)),
             lambda: selected_text(page) == '%d of %d selected' % (wanted, len(names)))
    shoot('certificates-page')

    buttons(page, 'Save PDF…')[0].queryAction().doAction(0)
    chooser = window(app, 'Save Certificates')
    entry = wait_for('the file name entry', lambda: [
        e for e in find_all(chooser, pyatspi.ROLE_TEXT)
        if e.getState().contains(pyatspi.STATE_EDITABLE)])[0]
    entry.queryEditableText().setTextContents(pdf)
    shoot('file-chooser')
    buttons(chooser, 'Save')[0].queryAction().doAction(0)
    wait_for('the PDF written', lambda: os.path.exists(pdf), timeout=30)
    wait_for('the serials shown', lambda: [
        label for label in find_all(page, pyatspi.ROLE_LABEL)
        if text_of(label).endswith('printing again records a reprint')])
    shoot('certificates-saved')
    # The register changed under the list: the untick stays.
    if selected_text(page) != '%d of %d selected' % (wanted, len(names)):
        raise Failure('after saving the page says %r' % selected_text(page))

    pages = pdf_pages(pdf)
    if pages != wanted:
        raise Failure('the PDF has %d pages for %d ticked graduates' % (pages, wanted))
    text = subprocess.run(['pdftotext', pdf, '-'], check=True, capture_output=True,
                          text=True).stdout
    if left_out in text:
        raise Failure('%s was unticked but has a certificate in the PDF' % left_out)
    missing = [n for n in names if n != left_out and n not in text]
    if missing:
        raise Failure('no certificate in the PDF for %r' % missing)
    issued = register(db)
    if sorted(name for _, name in issued) != sorted(n for n in names if n != left_out):
        raise Failure('the register holds %r' % issued)
    serial, name = issued[0]
    if serial not in text:
        raise Failure('the serial %s is not printed in the PDF' % serial)
    verified = subprocess.run([CLI, '--db', db, 'verify', serial], capture_output=True,
                              text=True, timeout=30)
    if verified.returncode != 0 or 'is valid' not in verified.stdout \
            or name not in verified.stdout:
        raise Failure('verify %s said %r %r' % (serial, verified.stdout, verified.stderr))


def main():
    return run_one('certificates: choose a group, preview, untick one, save a PDF, verify', test_certificates)


if __name__ == '__main__':
    sys.exit(main())
