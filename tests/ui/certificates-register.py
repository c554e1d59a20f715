#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Certificates page through AT-SPI, the parts after printing: a batch lists
its group members who did not graduate with the reason and no tick; Verify
says whose a serial is and whether it is valid (also from the QR text);
the register's search finds a serial; Void asks for a reason, and the
register, Verify and the audit log then say voided. Prints TAP.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
HS_UI_SHOTS=DIR saves a screenshot of each screen there.
"""

import os
import sqlite3
import subprocess
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, field, find_all, text_of, wait_for, TMP  # noqa: E402
from groups import buttons, cli, click, run_one, shoot, show_section  # noqa: E402


def query(db, sql, *args):
    with sqlite3.connect('file:%s?mode=ro' % db, uri=True) as con:
        return con.execute(sql, args).fetchall()


def labels_with(root, words):
    """Labels, and the verdict (a label with the status role), holding @words."""
    return [label for label in find_all(root, pyatspi.ROLE_LABEL)
            + find_all(root, pyatspi.ROLE_STATUS_BAR)
            if all(word in text_of(label) for word in words)]


def scroll_to(node):
    """Scrolls the page (wheel over its right edge) until @node is in sight,
    for a click to land on it."""
    for _ in range(30):
        extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        if 60 < extents.y < 620:
            return
        subprocess.run(['xdotool', 'mousemove', '1080', '400', 'click',
                        '4' if extents.y <= 60 else '5'], check=True)


def verify(page, text):
    entry = field(page, 'Serial, e.g. HS-2026-000123')
    entry.queryEditableText().setTextContents(text)
    # Enter in the entry verifies (neither the entry nor the row's apply
    # button has an AT-SPI action on GTK 4.8).
    scroll_to(entry)
    click(entry)
    subprocess.run(['xdotool', 'key', 'End', 'Return'], check=True)


def test_register(app):
    db = os.path.join(TMP, 'register.db')
    cli('--db', db, 'sample-data')
    # The newest ceremony is the batch the page opens with.
    date = query(db, "SELECT max (graduation_date) FROM hgroup")[0][0]
    left = query(db, "SELECT p.full_name, g.name, m.reason FROM membership m"
                     " JOIN participant p ON p.id = m.participant_id"
                     " JOIN hgroup g ON g.id = m.group_id"
                     " WHERE g.graduation_date = ? AND m.outcome <> 'graduated'", date)
    graduates = query(db, "SELECT count (*) FROM membership m JOIN hgroup g ON g.id = m.group_id"
                          " WHERE g.graduation_date = ? AND m.outcome = 'graduated'", date)[0][0]
    if not left:
        raise Failure('the ceremony of %s has no member who did not graduate' % date)
    group = left[0][1]
    cli('--db', db, 'certificates', '--group', group, '-o', os.path.join(TMP, 'issued.pdf'))
    serial, name = query(db, "SELECT c.serial, p.full_name FROM certificate c"
                             " JOIN participant p ON p.id = c.participant_id"
                             " ORDER BY c.serial LIMIT 1")[0]

    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    wait_for('the Certificates section', lambda: show_section(frame, 'Certificates'))
    page = wait_for('the Certificates page', lambda: find_all(frame, pyatspi.ROLE_FILLER,
                                                              'HsCertificatesPage'))[0]

    # Non-graduates: listed with why, never ticked or counted.
    for person, _, reason in left:
        wait_for('why %s gets no certificate' % person,
                 lambda: labels_with(page, [person, 'transferred out of', reason]))
    wanted = '%d of %d selected' % (graduates, graduates)
    wait_for(wanted, lambda: labels_with(page, [wanted]))
    ticks = [c.name for c in find_all(page, pyatspi.ROLE_CHECK_BOX)]
    if any(person in ticks for person, _, _ in left):
        raise Failure('a non-graduate has a tick: %r' % ticks)
    shoot('certificates-non-graduates')

    # Verify by serial, then by the QR text with a wrong check value.
    verify(page, serial.lower())
    wait_for('valid for %s' % name, lambda: labels_with(page, ['Valid:', serial, name]))
    shoot('certificates-verified')
    verify(page, serial + ' 00000000')
    wait_for('a bad check value', lambda: labels_with(page, ['check value does not match']))

    # Search the register, select the one row, void it with a reason.
    search = field(page, 'Search the register')
    search.queryEditableText().setTextContents(serial)
    wait_for('one certificate found', lambda: labels_with(page, ['1 certificate']))
    cell = wait_for('the row of %s' % serial, lambda: [
        label for label in find_all(page, pyatspi.ROLE_LABEL)
        if text_of(label) == serial and label.getState().contains(pyatspi.STATE_VISIBLE)])[0]
    scroll_to(cell)
    click(cell)
    void = buttons(page, 'Void…')[0]
    wait_for('Void… enabled', lambda: void.getState().contains(pyatspi.STATE_SENSITIVE))
    void.queryAction().doAction(0)
    dialog = wait_for('the void dialog', lambda: [
        app.accessible().getChildAtIndex(i) for i in range(app.accessible().childCount)
        if find_all(app.accessible().getChildAtIndex(i), None, 'Reason')])[0]
    field(dialog, 'Reason').queryEditableText().setTextContents('Name misspelt')
    shoot('certificates-void')
    buttons(dialog, 'Void')[0].queryAction().doAction(0)
    wait_for('voided in the register', lambda: query(
        db, "SELECT void_reason FROM certificate WHERE serial = ? AND reprint_of IS NULL",
        serial) == [('Name misspelt',)])
    audited = query(db, "SELECT count (*) FROM audit_log WHERE table_name = 'certificate'"
                        " AND action = 'update' AND after LIKE '%Name misspelt%'")[0][0]
    if audited != 1:
        raise Failure('the void is audited %d times' % audited)
    wait_for('Voided in the list', lambda: labels_with(page, ['Voided: Name misspelt']))
    verify(page, serial)
    wait_for('not valid any more', lambda: labels_with(page, ['Not valid:', serial, 'voided']))
    shoot('certificates-voided')


def main():
    return run_one('certificates: non-graduates explained, verify, search, void', test_register)


if __name__ == '__main__':
    sys.exit(main())
