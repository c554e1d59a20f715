#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A group's own graduation rule and its at-risk list, through AT-SPI: on the
sample programme, make one member of a running group miss three sessions,
check that the group page names them as at risk, give the group a rule of
10 sessions in the Graduation Rule dialog, and check with the command line
and the database that the rule is saved and audited and that the member is
no longer at risk. Prints TAP.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
HS_UI_SHOTS=DIR saves a screenshot of the dialog and of the page.
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
from groups import buttons, cli, click, groups_page_row, run_one, shoot  # noqa: E402


def at_risk_text(page):
    """The list above the grid: its heading is "1 member at risk", "2 members at risk"…"""
    for label in find_all(page, pyatspi.ROLE_LABEL):
        text = text_of(label)
        if text.split('\n')[0].endswith((' member at risk', ' members at risk')):
            return text
    return ''


def test_group_rule(app):
    db = os.path.join(TMP, 'group-rule.db')
    cli('--db', db, 'sample-data')
    group = json.loads(cli('--db', db, 'groups', 'list', '--format', 'json'))[0]
    if group['status'] != 'running' or group['sessions_held'] < 4:
        raise Failure('the first group listed is %r' % group)
    with sqlite3.connect(db) as connection:
        person, name = connection.execute(
            'SELECT p.id, p.full_name FROM membership m JOIN participant p'
            ' ON p.id = m.participant_id WHERE m.group_id = ? ORDER BY p.full_name LIMIT 1',
            (group['id'],)).fetchone()
        # Absent from the first three sessions and present at the others held:
        # with 12 of 15 needed they must come to every remaining session.
        connection.execute("UPDATE attendance SET mark = CASE WHEN session_id IN"
                           " (SELECT id FROM session WHERE group_id = ?1 AND number <= 3)"
                           " THEN 'absent' ELSE 'present' END WHERE participant_id = ?2"
                           " AND session_id IN (SELECT id FROM session WHERE group_id = ?1)",
                           (group['id'], person))

    page, cell = groups_page_row(app, db, group['name'])
    click(cell)
    try:
        wait_for('%s named at risk' % name,
                 lambda: at_risk_text(page).startswith('1 member at risk\n%s: ' % name))
    except Failure:
        raise Failure('the at-risk list reads %r' % at_risk_text(page))

    wait_for('Graduation Rule…', lambda: buttons(page, 'Graduation Rule…'))[0] \
        .queryAction().doAction(0)
    accessible = app.accessible()
    dialog = wait_for('the Graduation Rule dialog',
                      lambda: [w for w in accessible
                               if w is not None and w.name == 'Graduation Rule'])[0]
    own = wait_for('A rule for this group',
                   lambda: [r for r in find_all(dialog, pyatspi.ROLE_RADIO_BUTTON)
                            + find_all(dialog, pyatspi.ROLE_CHECK_BOX)
                            if 'A rule for this group' in r.name
                            or any(text_of(label) == 'A rule for this group'
                                   for label in find_all(r, pyatspi.ROLE_LABEL))])[0]
    click(own)
    spin = wait_for('the minimum sessions, sensitive',
                    lambda: [s for s in find_all(dialog, pyatspi.ROLE_SPIN_BUTTON,
                                                 'Minimum sessions attended')
                             if s.getState().contains(pyatspi.STATE_SENSITIVE)])[0]
    click(spin)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+a'], check=True)
    subprocess.run(['xdotool', 'type', '--delay', '60', '10'], check=True)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', 'Tab'], check=True)
    time.sleep(0.3)
    shoot('group-rule')
    wait_for('Save', lambda: buttons(dialog, 'Save'))[0].queryAction().doAction(0)

    wait_for('the rule shown on the page',
             lambda: 'graduates after 10 sessions attended' in
             ' '.join(text_of(label) for label in find_all(page, pyatspi.ROLE_LABEL)))
    wait_for('nobody at risk any more', lambda: at_risk_text(page) == '')
    shoot('group-rule-page')
    with sqlite3.connect(db) as connection:
        rule = connection.execute('SELECT min_sessions, excused_count FROM hgroup WHERE id = ?',
                                  (group['id'],)).fetchone()
        audited = connection.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'update'"
            " AND after LIKE '%\"min_sessions\":10%'").fetchone()[0]
    if rule != (10, 0):
        raise Failure('the group holds the rule %r, not (10, 0)' % (rule,))
    if audited < 1:
        raise Failure('the audit log has no update with the new rule')
    shown = [line for line in cli('--db', db, 'attendance', 'show', group['name']).splitlines()
             if line.startswith(name + '\t')]
    if not shown or not shown[0].endswith('can still graduate (needs 10)'):
        raise Failure('attendance show reads %r' % shown)


def main():
    return run_one('group rule: the at-risk list, a rule of 10 for one group', test_group_rule)


if __name__ == '__main__':
    sys.exit(main())
