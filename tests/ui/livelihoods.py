#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Livelihoods through AT-SPI: on the sample programme, start a livelihood
group, pick two graduates as members by typing part of their names, give it
seed capital and a follow-up visit, and check what the CLI reads back; then
record vocational training for a prison graduate. Prints TAP.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
HS_UI_SHOTS=DIR saves a screenshot of each screen there.
"""

import datetime
import json
import os
import sqlite3
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, descendants, text_of, wait_for, TMP  # noqa: E402
from groups import run_one  # noqa: E402

CLI = os.environ['HS_CLI']
SHOTS = os.environ.get('HS_UI_SHOTS')
GROUP = 'Abakoranabushake'


def find_all(root, role=None, name=None):
    """Visible nodes under root, of any role when role is None."""
    return [node for node in descendants(root)
            if (role is None or node.getRole() == role)
            and (name is None or node.name == name)
            and node.getState().contains(pyatspi.STATE_VISIBLE)]


def shoot(name):
    if SHOTS:
        time.sleep(0.5)
        subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, name + '.png')],
                       check=False)


def cli(*args):
    return subprocess.run([CLI, *args], check=True, capture_output=True, text=True,
                          timeout=60).stdout


def open_section(frame, title):
    for sidebar in find_all(frame, pyatspi.ROLE_LIST, 'Sections'):
        for i in range(sidebar.childCount):
            row = sidebar.getChildAtIndex(i)
            if any(text_of(label) == title for label in find_all(row, pyatspi.ROLE_LABEL)):
                sidebar.querySelection().selectChild(i)
                return True
    return False


def button(root, label):
    """GTK 4.8 names a button with a mnemonic "_Save Group Save Group"."""
    return [b for b in find_all(root, pyatspi.ROLE_PUSH_BUTTON)
            if b.name == label or b.name.endswith(' ' + label)]


def field(root, name):
    return wait_for('the field %r' % name,
                    lambda: [n for n in find_all(root, None, name)
                             if 'EditableText' in pyatspi.utils.listInterfaces(n)])[0]


def press(root, label):
    wait_for('the button %r' % label, lambda: button(root, label))[0].queryAction().doAction(0)


def graduates(db, n):
    """Community graduates of the sample who are in no livelihood group yet."""
    con = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
    rows = con.execute("SELECT p.full_name FROM participant p WHERE EXISTS (SELECT 1 FROM"
                       " membership m WHERE m.participant_id = p.id AND m.outcome = 'graduated')"
                       " AND NOT EXISTS (SELECT 1 FROM business_member b"
                       "  WHERE b.participant_id = p.id)"
                       " AND (SELECT count(*) FROM participant q"
                       "  WHERE q.full_name = p.full_name) = 1"
                       " ORDER BY p.id LIMIT ?", (n,)).fetchall()
    con.close()
    return [r[0] for r in rows]


def prison_graduate(db):
    """A prison graduate of the sample with no vocational training yet."""
    con = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
    row = con.execute("SELECT p.full_name FROM participant p JOIN membership m"
                      " ON m.participant_id = p.id JOIN hgroup g ON g.id = m.group_id"
                      " WHERE g.setting = 'prison' AND m.outcome = 'graduated'"
                      " AND NOT EXISTS (SELECT 1 FROM tvet t WHERE t.participant_id = p.id)"
                      " AND (SELECT count(*) FROM participant q"
                      "  WHERE q.full_name = p.full_name) = 1"
                      " ORDER BY p.id LIMIT 1").fetchone()
    con.close()
    return row[0]


def in_tvet(db):
    """The total of graduates in vocational training, from the CLI's report."""
    path = os.path.join(TMP, 'report.csv')
    cli('--db', db, 'livelihoods', 'report', '--format', 'csv', '-o', path)
    with open(path, encoding='utf-8-sig') as f:
        lines = f.read().splitlines()
    header = lines[0].split(',')
    return int(lines[-1].split(',')[header.index('in_tvet')])


def details(page):
    return wait_for('the details pane', lambda: find_all(page, None, 'Livelihood group details'))[0]


def add_member(page, name):
    search = field(details(page), 'Find a graduate to add')
    search.queryEditableText().setTextContents(name[:-2])

    # The results are rebuilt as the search settles: press Add again if the
    # button pressed was already gone.
    def added():
        if button(details(page), 'Remove %s from the group' % name):
            return True
        found = button(details(page), 'Add %s' % name)
        if found:
            found[0].queryAction().doAction(0)
            time.sleep(1)
        return bool(button(details(page), 'Remove %s from the group' % name))
    wait_for('%s among the members' % name, added)


def show_tab(frame, tab):
    """The tabs of a GtkStackSwitcher have no AT-SPI action on GTK 4.8: click."""
    label = wait_for('the tab %r' % tab, lambda: [
        n for n in find_all(frame, pyatspi.ROLE_LABEL) if text_of(n) == tab])[0]
    box = label.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    subprocess.run(['xdotool', 'mousemove', str(box.x + box.width // 2),
                    str(box.y + box.height // 2), 'click', '1'], check=True)


def test_livelihood_group(app):
    db = os.path.join(TMP, 'livelihoods.db')
    cli('--db', db, 'sample-data')
    before = json.loads(cli('--db', db, 'livelihoods', 'list', '--format', 'json'))
    people = graduates(db, 2)

    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    wait_for('the Livelihoods section', lambda: open_section(frame, 'Livelihoods'))
    groups = wait_for('the list of livelihood groups',
                      lambda: find_all(frame, None, 'Livelihood groups'))[0]
    page = groups
    while page.parent is not None and not find_all(page, None, 'Livelihood group details'):
        page = page.parent
    wait_for('%d groups listed' % len(before), lambda: groups.childCount == len(before))
    shoot('livelihoods-1-list')

    unnamed = [b for b in find_all(page, pyatspi.ROLE_PUSH_BUTTON) if not b.name]
    if unnamed:
        raise Failure('%d buttons have no accessible name' % len(unnamed))

    press(page, 'New Livelihood Group')
    field(details(page), 'Name').queryEditableText().setTextContents(GROUP)
    field(details(page), 'Activity (farming, tailoring, livestock…)') \
        .queryEditableText().setTextContents('Tailoring')
    field(details(page), 'Business started on').queryEditableText() \
        .setTextContents('2026-01-15')
    shoot('livelihoods-2-new')
    press(details(page), 'Save Group')
    wait_for('the new group in the list', lambda: groups.childCount == len(before) + 1)

    for name in people:
        add_member(page, name)
    shoot('livelihoods-3-members')

    field(details(page), 'Amount in RWF').queryEditableText().setTextContents('450,000')
    field(details(page), 'Source of the capital').queryEditableText() \
        .setTextContents('Seed fund')
    press(details(page), 'Add Capital')
    wait_for('the capital entry', lambda: any(
        text_of(label) == '450,000 RWF' for label in find_all(details(page), pyatspi.ROLE_LABEL)))
    field(details(page), 'Notes of the visit').queryEditableText() \
        .setTextContents('Two sewing machines bought')
    press(details(page), 'Add Visit')
    wait_for('the visit', lambda: any(
        'Two sewing machines bought' in text_of(label)
        for label in find_all(details(page), pyatspi.ROLE_LABEL)))
    shoot('livelihoods-4-capital-visit')

    if SHOTS:
        subprocess.run(['xdotool', 'mousemove', '800', '400', 'click', '--repeat', '15', '5'],
                       check=False)
        shoot('livelihoods-5-scrolled')

    # Vocational training for a prison graduate, counted by the CLI's report.
    trainees = in_tvet(db)
    trainee = prison_graduate(db)
    show_tab(frame, 'Vocational Training')
    form = wait_for('the training form',
                    lambda: find_all(frame, None, 'Vocational training record'))[0]
    field(form, 'Find a prison graduate').queryEditableText().setTextContents(trainee[:-2])
    press(form, 'Choose %s' % trainee)
    wait_for('the form for %s' % trainee, lambda: any(
        text_of(label) == 'Vocational training of %s' % trainee
        for label in find_all(form, pyatspi.ROLE_LABEL)))
    field(form, 'Trade (masonry, tailoring, carpentry…)').queryEditableText() \
        .setTextContents('Welding')
    field(form, 'Training from').queryEditableText().setTextContents('2026-02-01')
    shoot('livelihoods-6-tvet')
    press(form, 'Save Training')
    wait_for('the training counted by the CLI', lambda: in_tvet(db) == trainees + 1)
    if SHOTS:
        show_tab(frame, 'Targets')
        shoot('livelihoods-7-targets')

    after = json.loads(cli('--db', db, 'livelihoods', 'list', '--format', 'json'))
    mine = [g for g in after if g['name'] == GROUP]
    if len(mine) != 1:
        raise Failure('the CLI lists %d groups named %s' % (len(mine), GROUP))
    group = mine[0]
    expected = {'activity': 'Tailoring', 'start_date': '2026-01-15', 'members': 2,
                'capital_rwf': 450000, 'status': 'active',
                'last_visit': datetime.date.today().isoformat(), 'active_at_last_visit': True}
    wrong = {k: group[k] for k in expected if group[k] != expected[k]}
    if wrong:
        raise Failure('the CLI reads %r, expected %r' % (wrong, expected))


def main():
    return run_one('livelihood group from graduates, capital, visit, TVET; read back by the CLI',
                   test_livelihood_group, lambda: shoot('livelihoods-failure'))


if __name__ == '__main__':
    sys.exit(main())
