#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The New Group flow through AT-SPI and the keyboard: on the sample
programme, create a multifamily group in Nyabihu starting on Easter Monday
2027 with two facilitators and every person who can join, then check with
the command line that it exists with its members and fifteen sessions, kept
off Easter Monday and the Kwibuka week. Prints TAP.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
HS_UI_SHOTS=DIR saves a screenshot of the filled dialog there.
"""

import json
import os
import sqlite3
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, find_all, text_of, wait_for, TMP  # noqa: E402
from groups import buttons, cli, click, run_one, shoot, show_section  # noqa: E402

NAME = 'Nyabihu families 1'
START = '2027-03-29'  # Easter Monday


def dialog_of(app, title):
    accessible = app.accessible()
    return wait_for('the %s dialog' % title,
                    lambda: [w for w in accessible if w is not None and w.name == title])[0]


def set_text(dialog, name, value):
    entry = wait_for('the %s entry' % name, lambda: find_all(dialog, pyatspi.ROLE_TEXT, name))[0]
    entry.queryEditableText().setTextContents(value)


def focus_window(title):
    """Without a window manager the keyboard goes where xdotool says."""
    windows = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^%s$' % title],
                             capture_output=True, text=True).stdout.split()
    if not windows:
        raise Failure('xdotool found no window named %r' % title)
    subprocess.run(['xdotool', 'windowfocus', windows[-1]], check=True)
    time.sleep(0.2)


def choose(dialog, name, steps):
    """Opens a drop-down and moves down @steps items with the keyboard."""
    combo = wait_for('the %s drop-down' % name,
                     lambda: find_all(dialog, pyatspi.ROLE_COMBO_BOX, name))[0]
    focus_window('New Group')
    combo.getChildAtIndex(0).queryAction().doAction(0)
    time.sleep(0.5)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', '--delay', '30',
                    *(['Down'] * steps), 'Return'], check=True)
    time.sleep(0.5)


def count_label(dialog):
    for label in find_all(dialog, pyatspi.ROLE_LABEL):
        text = text_of(label)
        if ' who can join' in text:
            return text
    return None


def check(dialog, box):
    """Check boxes have no AT-SPI action on GTK 4.8: scroll to one and click it."""
    pane = find_all(dialog, pyatspi.ROLE_SCROLL_PANE)[0].queryComponent()
    bottom = pane.getExtents(pyatspi.WINDOW_COORDS)
    for _ in range(60):
        extents = box.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        if extents.y + extents.height <= bottom.y + bottom.height - 8:
            break
        subprocess.run(['xdotool', 'mousemove', str(bottom.x + 20), str(bottom.y + 40),
                        'click', '5'], check=True)
        time.sleep(0.1)
    click(box)


def checks(dialog, list_name):
    lists = wait_for('the %s list' % list_name, lambda: find_all(dialog, pyatspi.ROLE_LIST,
                                                                 list_name))
    return find_all(lists[0], pyatspi.ROLE_CHECK_BOX)


def test_new_group(app):
    db = os.path.join(TMP, 'new-group.db')
    cli('--db', db, 'sample-data')
    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    wait_for('the Groups section', lambda: show_section(frame, 'Groups'))
    page = wait_for('the Groups page', lambda: find_all(frame, pyatspi.ROLE_FILLER,
                                                        'HsGroupsPage'))[0]
    wait_for('New Group…', lambda: buttons(page, 'New Group…'))[0].queryAction().doAction(0)
    dialog = dialog_of(app, 'New Group')

    set_text(dialog, 'Name', NAME)
    choose(dialog, 'Approach', 1)  # Multifamily
    with sqlite3.connect(db) as connection:
        districts = [row[0] for row in connection.execute('SELECT name FROM district')]
    choose(dialog, 'District', sorted(districts).index('Nyabihu'))
    set_text(dialog, 'Sector', 'Mukamira')
    set_text(dialog, 'Venue', 'Mukamira Sector office')
    set_text(dialog, 'Time', '10:00')
    set_text(dialog, 'Start date', START)

    members = wait_for('people of Nyabihu who can join',
                       lambda: [c for c in checks(dialog, 'Members')
                                if c.name.endswith('(F)') or c.name.endswith('(M)')])
    if not count_label(dialog).endswith(' of %d who can join' % len(members)):
        raise Failure('the count reads %r for %d people' % (count_label(dialog), len(members)))
    for box in checks(dialog, 'Facilitators')[:2]:
        check(dialog, box)
    for box in members:
        check(dialog, box)
    wait_for('everyone chosen', lambda: count_label(dialog).startswith('%d chosen' % len(members)))
    shoot('new-group')
    wait_for('Create', lambda: buttons(dialog, 'Create'))[0].queryAction().doAction(0)
    wait_for('the dialog to close', lambda: not [w for w in app.accessible()
                                                 if w is not None and w.name == 'New Group'])

    groups = json.loads(cli('--db', db, 'groups', 'list', '--format', 'json'))
    made = [g for g in groups if g['name'] == NAME]
    if len(made) != 1:
        raise Failure('groups list has %d groups named %r' % (len(made), NAME))
    made = made[0]
    expected = {'approach': 'multifamily', 'setting': 'community', 'place': 'Nyabihu',
                'members': len(members), 'sessions_planned': 15, 'sessions_held': 0}
    for key, value in expected.items():
        if made[key] != value:
            raise Failure('the group has %s %r, not %r' % (key, made[key], value))
    if len(made['facilitators'].split(', ')) != 2:
        raise Failure('the group has facilitators %r' % made['facilitators'])
    header = cli('--db', db, 'attendance', 'show', NAME).splitlines()[0].split('\t')
    if header[1:-1] != [str(n) for n in range(1, 16)]:
        raise Failure('attendance show lists the sessions %r' % header[1:-1])
    with sqlite3.connect(db) as connection:
        dates = [row[0] for row in connection.execute(
            'SELECT date FROM session WHERE group_id = ? ORDER BY number', (made['id'],))]
    if len(dates) != 15 or START in dates \
            or any('2027-04-07' <= d <= '2027-04-13' for d in dates):
        raise Failure('the sessions are on %r' % dates)


def main():
    return run_one('new group: create one by keyboard and AT-SPI, members and sessions scheduled',
                   test_new_group)


if __name__ == '__main__':
    sys.exit(main())
