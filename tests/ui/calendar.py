#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The calendar's month grid through AT-SPI and the keyboard: on the sample
programme, open the month view, turn back to February 2024 with Page Up,
find the holiday and the crowded day's "+N more", open that week, and open a
session's roll call from the grid; then add (after a wrong date) and delete
a holiday from the Calendar page. Prints TAP.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
HS_UI_SHOTS=DIR saves screenshots there.
"""

import datetime
import os
import sqlite3
import subprocess
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, Run, find_all, text_of, wait_for, TMP  # noqa: E402
from groups import buttons, cli, click, shoot, show_section  # noqa: E402

MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
          'September', 'October', 'November', 'December']
CROWDED = '2024-02-12'


def labels(root):
    return [text_of(label) for label in find_all(root, pyatspi.ROLE_LABEL)]


def named(root, prefix):
    return [b for b in find_all(root, pyatspi.ROLE_PUSH_BUTTON) if b.name.startswith(prefix)]


def test_month(app):
    db = os.path.join(TMP, 'calendar.db')
    cli('--db', db, 'sample-data')
    with sqlite3.connect(db) as connection:
        crowded = connection.execute('SELECT count(*) FROM session WHERE date = ?',
                                     (CROWDED,)).fetchone()[0]
        if crowded <= 3:
            raise Failure('the sample has only %d sessions on %s' % (crowded, CROWDED))
        # A session today, which the month view must list before its grid.
        session_id, group, number = connection.execute(
            "SELECT s.id, g.name, s.number FROM session s JOIN hgroup g ON g.id = s.group_id"
            " WHERE s.status = 'planned' ORDER BY s.date LIMIT 1").fetchone()
        connection.execute('UPDATE session SET date = ? WHERE id = ?',
                           (datetime.date.today().isoformat(), session_id))
    today_session = '%s · session %d' % (group, number)

    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    wait_for('the Calendar section', lambda: show_section(frame, 'Calendar'))
    page = wait_for('the Calendar page', lambda: find_all(frame, pyatspi.ROLE_FILLER,
                                                          'HsCalendarPage'))[0]
    month = wait_for('the Month button', lambda: [
        b for b in find_all(page, pyatspi.ROLE_TOGGLE_BUTTON) + find_all(page,
                                                                           pyatspi.ROLE_PUSH_BUTTON)
        if b.name.endswith('Month')])
    month[0].queryAction().doAction(0)
    today = datetime.date.today()
    wait_for('the title of this month', lambda: '%s %d' % (MONTHS[today.month - 1], today.year)
             in labels(page))
    if 'Monday' not in labels(page) or 'Sunday' not in labels(page):
        raise Failure('the grid has no weekday headings')
    wait_for("today's session above the month", lambda: today_session in labels(page))

    # Page Up from a button of the page: back to February 2024.
    back = (today.year - 2024) * 12 + today.month - 2
    previous = wait_for('Previous month', lambda: named(page, 'Previous month'))[0]
    click(previous)
    app.press_keys('Page_Up')
    subprocess.run(['xdotool', 'key', '--clearmodifiers', '--delay', '60',
                    *(['Page_Up'] * (back - 2))], check=True)
    wait_for('February 2024', lambda: 'February 2024' in labels(page))
    if "National Heroes' Day" not in labels(page):
        raise Failure('1 February 2024 does not show its holiday')
    more = wait_for('+N more on %s' % CROWDED, lambda: named(page, 'All sessions of Mon 12.02.2024'))
    shoot('calendar-month')
    shown = [b for b in find_all(page, pyatspi.ROLE_PUSH_BUTTON) if ' · session ' in b.name]
    if not shown:
        raise Failure('the grid shows no sessions')
    text = text_of(find_all(more[0], pyatspi.ROLE_LABEL)[0]) if find_all(
        more[0], pyatspi.ROLE_LABEL) else more[0].name
    if text != '+%d more' % (crowded - 3):
        raise Failure('the crowded day reads %r for %d sessions' % (text, crowded))

    more[0].queryAction().doAction(0)
    wait_for('the week of %s' % CROWDED,
             lambda: 'Mon 12.02.2024 – Sun 18.02.2024' in labels(page))
    month[0].queryAction().doAction(0)
    session = wait_for('a session in the grid', lambda: [
        b for b in find_all(page, pyatspi.ROLE_PUSH_BUTTON) if ' · session ' in b.name])[0]
    group, number = session.name.split(' · ')[0:2]
    session.queryAction().doAction(0)
    groups = wait_for('the Groups page', lambda: find_all(frame, pyatspi.ROLE_FILLER,
                                                          'HsGroupsPage'))[0]
    roll_call = wait_for('the roll call', lambda: find_all(groups, pyatspi.ROLE_FILLER,
                                                           'HsRollCall'))[0]
    heading = 'S' + number[1:] + ' · '
    wait_for('the roll call of %s, %s' % (group, number), lambda: any(
        t.startswith(heading) for t in labels(roll_call)) and group in labels(roll_call))
    wait_for('Mark All Present', lambda: buttons(roll_call, 'Mark All Present'))
    shoot('calendar-roll-call')


def window(app, title):
    return wait_for('the %s window' % title, lambda: [
        w for w in app.accessible() if w is not None and w.name == title])[0]


def holiday_rows(db, name):
    with sqlite3.connect(db) as connection:
        rows = connection.execute('SELECT id, date FROM holiday WHERE name = ?',
                                  (name,)).fetchall()
        audited = connection.execute("SELECT action FROM audit_log WHERE table_name = "
                                     "'holiday' ORDER BY id").fetchall()
    return rows, [a[0] for a in audited]


def test_holidays(app):
    """The holiday table from the Calendar page: a wrong date is refused
    inline, a right one lands in the file (audited) and in the grid."""
    db = os.path.join(TMP, 'calendar.db')
    frame = app.frame('Healing Spaces')
    wait_for('the Calendar section', lambda: show_section(frame, 'Calendar'))
    page = find_all(frame, pyatspi.ROLE_FILLER, 'HsCalendarPage')[0]
    wait_for('Holidays…', lambda: buttons(page, 'Holidays…'))[0].queryAction().doAction(0)
    dialog = window(app, 'Public Holidays')
    date = wait_for('the date entry', lambda: find_all(dialog, pyatspi.ROLE_TEXT,
                                                       'Date (YYYY-MM-DD)'))[0]
    find_all(dialog, pyatspi.ROLE_TEXT, 'Name')[0].queryEditableText().setTextContents(
        'Rwanda Day')
    date.queryEditableText().setTextContents('2024-02-30')
    add = buttons(dialog, 'Add Holiday')[0]
    add.queryAction().doAction(0)
    wait_for('the date refused', lambda: any('“2024-02-30” is not a date' in t
                                             for t in labels(dialog)))
    if holiday_rows(db, 'Rwanda Day')[0]:
        raise Failure('the wrong date reached the file')
    date.queryEditableText().setTextContents('2024-02-06')
    add.queryAction().doAction(0)
    wait_for('Rwanda Day in the list', lambda: 'Rwanda Day' in labels(dialog))
    rows, audited = holiday_rows(db, 'Rwanda Day')
    if [r[1] for r in rows] != ['2024-02-06'] or audited[-1:] != ['insert']:
        raise Failure('the file holds %r, audited %r' % (rows, audited[-3:]))
    shoot('holidays')
    wait_for('Rwanda Day in the grid', lambda: 'Rwanda Day' in labels(page))

    wait_for('its Delete button', lambda: named(dialog, 'Delete Rwanda Day'))[0] \
        .queryAction().doAction(0)
    confirm = window(app, 'Delete “Rwanda Day” on Tue 06.02.2024?')
    wait_for('Delete', lambda: buttons(confirm, 'Delete'))[0].queryAction().doAction(0)
    wait_for('Rwanda Day gone', lambda: 'Rwanda Day' not in labels(dialog))
    rows, audited = holiday_rows(db, 'Rwanda Day')
    if rows or audited[-1:] != ['delete']:
        raise Failure('after Delete the file holds %r, audited %r' % (rows, audited[-3:]))


def main():
    tests = [(test_month, 'calendar: month grid, Page Up, +N more, a session opens its roll call'),
             (test_holidays, 'holidays: a wrong date refused inline, add and delete audited')]
    print('1..%d' % len(tests), flush=True)
    run = Run()
    status = 0
    try:
        for number, (test, title) in enumerate(tests, 1):
            try:
                test(run)
                print('ok %d %s' % (number, title), flush=True)
            except Exception as error:
                print('not ok %d %s' % (number, title))
                print('# %s: %s' % (type(error).__name__, error))
                if run.app is not None:
                    for line in run.log_tail():
                        print('# app: ' + line)
                status = 1
    finally:
        run.close()
    return status


if __name__ == '__main__':
    sys.exit(main())
