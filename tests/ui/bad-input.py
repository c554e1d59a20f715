#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bad input in every dialog, through AT-SPI: the participant form, the New
Group dialog, Preferences and a livelihood group's capital are given empty,
huge, wrong-type and malformed values. After each refused save the app still
runs, shows a message that says what to fix (read here), and the database
dump is byte for byte what it was. Prints TAP.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
"""

import hashlib
import os
import shutil
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import (Failure, descendants, field, find_all, labels, run_tests, text_of,  # noqa: E402
                   wait_for, TMP)
from groups import buttons, click, show_section  # noqa: E402

CLI = os.environ['HS_CLI']
HUGE = 'x' * 100_000
SAMPLE = os.path.join(TMP, 'sample.db')


def message(root, start):
    """Waits for a visible label starting with @start and returns its text."""
    def probe():
        return [t for t in labels(root) if t.startswith(start)]
    try:
        return wait_for('a message starting %r' % start, probe, timeout=15)[0]
    except Failure:
        if os.environ.get('HS_UI_SHOTS'):
            subprocess.run(['import', '-window', 'root',
                            os.path.join(os.environ['HS_UI_SHOTS'], 'bad-input-failure.png')])
        raise Failure('no message starting %r; the longer labels read %r'
                      % (start, [t[:100] for t in labels(root) if len(t) > 25]))


def toast(app, start):
    """A toast's text: AdwToastOverlay 1.2 does not mark it VISIBLE, so every
    label of the app is read."""
    def probe():
        for node in descendants(app.accessible()):
            if node.getRole() in (pyatspi.ROLE_LABEL, pyatspi.ROLE_NOTIFICATION,
                                  pyatspi.ROLE_ALERT):
                text = text_of(node) if node.getRole() == pyatspi.ROLE_LABEL else node.name
                if text.startswith(start):
                    return text
        return None
    return wait_for('a toast starting %r' % start, probe, timeout=10)


def dump(db):
    """Everything the database holds, as the sqlite3 shell writes it."""
    out = subprocess.run(['sqlite3', db, '.dump'], capture_output=True, check=True,
                         timeout=60).stdout
    return hashlib.sha256(out).hexdigest()


def database(name):
    if not os.path.exists(SAMPLE):
        subprocess.run([CLI, '--db', SAMPLE, 'sample-data'], check=True, timeout=120,
                       stdout=subprocess.DEVNULL)
    db = os.path.join(TMP, name + '.db')
    shutil.copy(SAMPLE, db)
    return db


REFUSED = []


def refused(app, db, before, what):
    if app.proc.poll() is not None:
        raise Failure('the app exited with %d after %s' % (app.proc.returncode, what))
    if dump(db) != before:
        raise Failure('the database changed after %s was refused' % what)
    REFUSED.append(what)
    print('# %s: refused, database unchanged' % what, flush=True)


def start(app, db, section):
    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    wait_for('the %s section' % section, lambda: show_section(frame, section))
    return frame


def test_participant_form(app):
    """participant form: empty, huge, wrong-type and malformed values"""
    db = database('participants')
    before = dump(db)
    frame = start(app, db, 'Participants')
    wait_for('the search entry', lambda: find_all(frame, None, 'Search participants'))
    app.keys('ctrl+n')
    form = wait_for('the form', lambda: [n for n in find_all(frame, None, 'Full name')
                                         if 'EditableText' in pyatspi.utils.listInterfaces(n)])
    form = form[0].parent
    while not find_all(form, None, 'Birth year'):
        form = form.parent
    cases = [
        ('an empty record', {}, 'Enter the participant'),
        ('a 100,000-character name', {'Full name': HUGE},
         'Full name: the text is 65534 characters long; write at most 200.'),
        ('the birth year "abc"', {'Birth year': 'abc'}, 'Write the birth year as four digits'),
        ('the birth year 1800', {'Birth year': '1800'}, 'The birth year 1800 is not between'),
        ('the birth year 99999', {'Birth year': '99999'}, 'Write the birth year as four digits'),
        ('a phone with letters', {'Phone (07XXXXXXXX)': '07eight-one-two'},
         '“07eight-one-two” is not a Rwandan mobile number'),
        ('a malformed national ID', {'National ID (16 digits)': '1198 8-80'},
         'The national ID must be exactly 16 digits'),
        ('a 17-digit national ID', {'National ID (16 digits)': '11988800123456789'},
         'The national ID must be exactly 16 digits'),
    ]
    names = ['Full name', 'Birth year', 'Phone (07XXXXXXXX)', 'National ID (16 digits)']
    for what, values, expected in cases:
        for name in names:
            value = values.get(name, 'Mukamana Aline' if name == 'Full name' else '')
            if what == 'an empty record':
                value = ''
            field(form, name).queryEditableText().setTextContents(value)
        app.keys('ctrl+s')
        text = message(form, expected)
        wait_for('the banner above the form', lambda: any(
            'correcting before the record can be saved' in t for t in labels(frame)))
        print('# %s → %s' % (what, text[:120]), flush=True)
        refused(app, db, before, what)


def dialog(app, title):
    accessible = app.accessible()
    return wait_for('the %s dialog' % title,
                    lambda: [w for w in accessible if w is not None and w.name == title])[0]


def test_new_group(app):
    """new group: no name, huge name, absurd session counts, malformed dates"""
    db = database('new-group')
    before = dump(db)
    frame = start(app, db, 'Groups')
    page = wait_for('the Groups page', lambda: find_all(frame, pyatspi.ROLE_FILLER,
                                                       'HsGroupsPage'))[0]
    wait_for('New Group…', lambda: buttons(page, 'New Group…'))[0].queryAction().doAction(0)
    window = dialog(app, 'New Group')

    def entry(name):
        return wait_for('the %s entry' % name,
                        lambda: [n for n in find_all(window, None, name)
                                 if 'EditableText' in pyatspi.utils.listInterfaces(n)])[0]
    sessions = wait_for('the Sessions spin button',
                        lambda: find_all(window, pyatspi.ROLE_SPIN_BUTTON))[0]
    cases = [
        ('no name', {'Name': ''}, 'Enter a name for the group.'),
        ('a 100,000-character name', {'Name': HUGE},
         'Name: the text is 65534 characters long; write at most 200.'),
        ('100000 sessions', {'Sessions': '100000'},
         'The number of planned sessions must be between 1 and 100; 100000 is not.'),
        ('0 sessions', {'Sessions': '0'},
         'The number of planned sessions must be between 1 and 100; 0 is not.'),
        ('"many" sessions', {'Sessions': 'many'},
         'Write the number of sessions in digits, from 1 to 100.'),
        ('the start date 2027-02-30', {'Start date': '2027-02-30'}, 'Start date: “2027-02-30”'),
        ('the start date "next monday"', {'Start date': 'next monday'},
         'Start date: “next monday”'),
        ('the time 25:99', {'Time': '25:99'}, 'Start time: “25:99” is not a time'),
    ]
    for what, values, expected in cases:
        good = {'Name': 'Bad input 1', 'Sessions': '15', 'Start date': '2027-03-01',
                'Time': '10:00'}
        good.update(values)
        for name, value in good.items():
            target = sessions if name == 'Sessions' else entry(name)
            target.queryEditableText().setTextContents(value)
        wait_for('Create', lambda: buttons(window, 'Create'))[0].queryAction().doAction(0)
        text = message(window, expected)
        print('# %s → %s' % (what, text[:120]), flush=True)
        refused(app, db, before, what)


def test_preferences(app):
    """preferences: a 100,000-character organisation name"""
    db = database('preferences')
    before = dump(db)
    start(app, db, 'Dashboard')
    app.keys('ctrl+comma')
    window = dialog(app, 'Preferences')
    show = wait_for('the Certificates page', lambda: [
        n for n in find_all(window, pyatspi.ROLE_LABEL) if text_of(n) == 'Certificates'])[0]
    box = show.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    subprocess.run(['xdotool', 'mousemove', str(box.x + box.width // 2),
                    str(box.y + box.height // 2), 'click', '1'], check=True)
    name = field(window, 'Organisation name')
    name.queryEditableText().setTextContents(HUGE)
    # AdwEntryRow saves on Enter (its apply button has no accessible name).
    click(name)
    time.sleep(0.3)
    # A key typed by hand marks the row changed, which a text set over AT-SPI does not.
    subprocess.run(['xdotool', 'key', '--clearmodifiers', 'End', 'BackSpace', 'x', 'Return'],
                   check=True)
    alert = dialog(app, 'The setting could not be saved')
    text = message(alert, 'Setting: the text is 65534 characters long')
    print('# organisation name of 100,000 characters → %s' % text, flush=True)
    refused(app, db, before, 'a 100,000-character organisation name')


def test_livelihood_capital(app):
    """livelihood group: capital of -5, abc, 0, an absurd amount"""
    db = database('livelihoods')
    before = dump(db)
    frame = start(app, db, 'Livelihoods')
    groups = wait_for('the list of livelihood groups',
                      lambda: find_all(frame, None, 'Livelihood groups'))[0]
    wait_for('a group listed', lambda: groups.childCount > 0)
    groups.querySelection().selectChild(0)
    page = groups
    while page.parent is not None and not find_all(page, None, 'Livelihood group details'):
        page = page.parent
    details = wait_for('the details', lambda: find_all(page, None, 'Livelihood group details'))[0]
    amount = field(details, 'Amount in RWF')
    for value in ['-5', 'abc', '0', '', '99999999999999999999', HUGE]:
        amount.queryEditableText().setTextContents(value)
        wait_for('Add Capital', lambda: buttons(details, 'Add Capital'))[0] \
            .queryAction().doAction(0)
        text = message(details, 'Enter the amount of capital in Rwandan francs')
        what = 'the capital %r' % (value if len(value) < 30 else '%d digits' % len(value))
        print('# %s → %s' % (what, text), flush=True)
        refused(app, db, before, what)
        time.sleep(0.5)


def test_documented(app):
    """docs/reliability.md gives the number of values refused here"""
    with open(os.path.join(os.environ['HS_SOURCE_ROOT'], 'docs', 'reliability.md')) as doc:
        text = doc.read()
    claim = '| **%d** values in 4 dialogs |' % len(REFUSED)
    if claim not in text:
        raise Failure('docs/reliability.md does not say %r' % claim)


TESTS = [test_participant_form, test_new_group, test_preferences, test_livelihood_capital,
         test_documented]


def main():
    only = os.environ.get('HS_UI_ONLY')
    return run_tests([t for t in TESTS if not only or t.__name__ in only.split(',')
                      and t is not test_documented])


if __name__ == '__main__':
    sys.exit(main())
