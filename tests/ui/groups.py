#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Roll call through AT-SPI and the keyboard: open a running group of the
sample programme, open its first planned session, mark everyone present,
mark one person absent with the A key, undo it with Ctrl+Z, and check what
the database holds after each step. Prints TAP.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
HS_UI_SHOTS=DIR saves a screenshot of each screen there.
"""

import json
import os
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, find_all, run_tests, text_of, wait_for, TMP  # noqa: E402

CLI = os.environ['HS_CLI']
SHOTS = os.environ.get('HS_UI_SHOTS')


def shoot(name):
    if SHOTS:
        subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, name + '.png')],
                       check=False)


def cli(*args):
    return subprocess.run([CLI, *args], check=True, capture_output=True, text=True,
                          timeout=60).stdout


def click(node):
    """Clicks the middle of a widget: GtkColumnView rows have no AT-SPI action on GTK 4.8."""
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    x = extents.x + extents.width // 2
    y = extents.y + min(extents.height // 2, 12)
    subprocess.run(['xdotool', 'mousemove', str(x), str(y), 'click', '1'], check=True)


def show_section(frame, section):
    for sidebar in find_all(frame, pyatspi.ROLE_LIST, 'Sections'):
        for i in range(sidebar.childCount):
            row = sidebar.getChildAtIndex(i)
            if any(text_of(label) == section for label in find_all(row, pyatspi.ROLE_LABEL)):
                sidebar.querySelection().selectChild(i)
                return True
    return False


def groups_page_row(app, db, name):
    """Starts the app on db, shows the Groups section; returns the page and
    the table cell naming the group called name."""
    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    wait_for('the Groups section', lambda: show_section(frame, 'Groups'))
    # Searching the whole window over AT-SPI is slow: search inside our page.
    page = wait_for('the Groups page', lambda: find_all(frame, pyatspi.ROLE_FILLER,
                                                        'HsGroupsPage'))[0]
    table = wait_for('the groups table', lambda: find_all(page, pyatspi.ROLE_TREE_TABLE,
                                                          'Groups'))
    cell = wait_for('%s in the groups table' % name,
                    lambda: [c for c in find_all(table[0], pyatspi.ROLE_LABEL)
                             if text_of(c) == name])
    return page, cell[0]


def buttons(root, label):
    """GTK 4.8 names a button with a mnemonic "Mark All _Present Mark All Present"."""
    return [b for b in find_all(root, pyatspi.ROLE_PUSH_BUTTON)
            if b.name == label or b.name.endswith(' ' + label)]


def summary(root):
    for label in find_all(root, pyatspi.ROLE_LABEL):
        text = text_of(label)
        if text.endswith('not marked'):
            return text
    return None


def marks(db, group):
    """The column of the session under test, from `attendance show`."""
    lines = cli('--db', db, 'attendance', 'show', group).splitlines()
    return lines


def column(lines, number):
    header = lines[0].split('\t')
    index = header.index(str(number))
    return [line.split('\t')[index] for line in lines[1:]]


def test_roll_call(app):
    db = os.path.join(TMP, 'groups.db')
    cli('--db', db, 'sample-data')
    groups = json.loads(cli('--db', db, 'groups', 'list', '--format', 'json'))
    running = groups[0]
    if running['status'] != 'running':
        raise Failure('the first group listed is %r, not a running one' % running['status'])
    session = running['sessions_held'] + 1

    page, cell = groups_page_row(app, db, running['name'])
    shoot('groups-list')
    click(cell)

    opener = wait_for('session %d in the attendance grid' % session,
                      lambda: [b for b in find_all(page, pyatspi.ROLE_PUSH_BUTTON)
                               if b.name.startswith('Session %d ·' % session)])
    time.sleep(0.5)
    shoot('group-page')
    # The facts left the Tab chain (focus selected and highlighted all of
    # them) but stay readable to a screen reader. GTK 4.8 reports neither
    # focus nor selection of a label over AT-SPI: screenshots show the rest.
    facts = [f for f in find_all(page, pyatspi.ROLE_LABEL)
             if text_of(f).startswith('Sociotherapy · Community')]
    if not facts:
        raise Failure('the group\'s facts cannot be read over AT-SPI')
    opener[0].queryAction().doAction(0)

    roll_call = wait_for('the roll call', lambda: find_all(page, pyatspi.ROLE_FILLER,
                                                           'HsRollCall'))[0]
    button = wait_for('Mark All Present', lambda: buttons(roll_call, 'Mark All Present'))
    before = summary(roll_call)
    if not before.startswith('0 present'):
        raise Failure('the roll call starts with %r' % before)
    button[0].queryAction().doAction(0)
    n = running['members']
    wait_for('everyone present', lambda: summary(roll_call) ==
             '%d present, 0 absent, 0 excused, 0 not marked' % n)
    if set(column(marks(db, running['name']), session)) != {'P'}:
        raise Failure('the database does not hold everyone present')

    # The keyboard starts on the first member: down one row, A.
    members = find_all(roll_call, pyatspi.ROLE_LIST, 'Members')[0]
    app.press_keys('Down')
    app.press_keys('a')
    wait_for('one absent', lambda: summary(roll_call) ==
             '%d present, 1 absent, 0 excused, 0 not marked' % (n - 1))
    shoot('roll-call')
    if column(marks(db, running['name']), session)[1] != 'A':
        raise Failure('the second member is not absent in the database: %r'
                      % column(marks(db, running['name']), session))
    second = members.getChildAtIndex(1)
    if not second.name.endswith(': Absent'):
        raise Failure('the second row reads %r' % second.name)

    app.press_keys('ctrl+z')
    wait_for('the absence undone', lambda: summary(roll_call) ==
             '%d present, 0 absent, 0 excused, 0 not marked' % n)
    if set(column(marks(db, running['name']), session)) != {'P'}:
        raise Failure('the undo did not reach the database')
    groups = json.loads(cli('--db', db, 'groups', 'list', '--format', 'json'))
    held = [g for g in groups if g['id'] == running['id']][0]['sessions_held']
    if held != session:
        raise Failure('the session is not counted as held (%d held)' % held)


def run_one(title, test, on_failure=None):
    """Runs @test(run) as the script's one TAP test, titled @title."""
    def one(run):
        test(run)
    one.__name__ = title.split(':')[0].replace(' ', '_')
    one.__doc__ = title
    return run_tests([one], on_failure)


def main():
    return run_one('roll call: mark all present, one absent by keyboard, undo', test_roll_call)


if __name__ == '__main__':
    sys.exit(main())
