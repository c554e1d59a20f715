#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Participants section driven as a coordinator would, through AT-SPI and
the keyboard: add a person, find them by typing part of the name without
accents, edit, delete, undo. Prints TAP.

Needs HS_APP and HS_CLI; run it through run-ui-test.sh. With HS_UI_SHOTS=DIR
it also saves a screenshot of each step there.
"""

import os
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import (Failure, descendants, field, find_all, run_tests, text_of,  # noqa: E402
                   wait_for, TMP)

CLI = os.environ['HS_CLI']
SHOTS = os.environ.get('HS_UI_SHOTS')
START = time.monotonic()


def shot(name):
    print('# %.1f s: %s' % (time.monotonic() - START, name), flush=True)
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, name + '.png')],
                       check=False)


def one(root, role, name, what=None):
    return wait_for(what or name, lambda: find_all(root, role, name))[0]


def count_text(page):
    for label in find_all(page, pyatspi.ROLE_LABEL):
        try:
            text = text_of(label)
        except Exception:  # a label of the form that closes as we read
            continue
        if text.endswith('participants') or text.endswith('participant'):
            return text
    return None


def wait_count(page, expected):
    wait_for('the count to read %r (it reads %r)' % (expected, count_text(page)),
             lambda: count_text(page) == expected)


def open_section(frame, title):
    for sidebar in find_all(frame, pyatspi.ROLE_LIST, 'Sections'):
        for i in range(sidebar.childCount):
            row = sidebar.getChildAtIndex(i)
            if any(text_of(label) == title for label in find_all(row, pyatspi.ROLE_LABEL)):
                sidebar.querySelection().selectChild(i)
                return True
    raise Failure('no %r in the sidebar' % title)


# What a screen reader user operates: each needs a name to be found and told apart.
CONTROLS = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_COMBO_BOX,
            pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_CHECK_BOX,
            pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_TABLE_COLUMN_HEADER}


def check_names(root, where):
    unnamed = []
    for node in descendants(root):
        try:
            if node.getRole() in CONTROLS and not node.name:
                unnamed.append(node.getRoleName())
        except Exception:  # a node that went away as we read
            continue
    if unnamed:
        raise Failure('%s: %d controls have no accessible name: %r'
                      % (where, len(unnamed), sorted(set(unnamed))))


def press(node):
    node.queryAction().doAction(0)


def test_add_find_edit_delete_undo(app):
    """Add, find without accents, edit, delete, undo."""
    path = os.path.join(TMP, 'participants.db')
    subprocess.run([CLI, '--db', path, 'sample-data'], check=True, timeout=60,
                   stdout=subprocess.DEVNULL)
    app.start('--db', path)
    frame = app.frame('Healing Spaces')
    wait_for('the sidebar', lambda: find_all(frame, pyatspi.ROLE_LIST, 'Sections'))
    open_section(frame, 'Participants')
    # Searching only the page keeps each look-up short: the other sections
    # are in the tree too.
    page = wait_for('the Participants page', lambda: [
        n for n in find_all(frame, None, 'Participants')
        if n.getRole() not in (pyatspi.ROLE_LABEL, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE,
                               pyatspi.ROLE_TREE_TABLE)
        and find_all(n, None, 'Search participants')])[0]
    # The entry and its text share the name; only the text can be typed into.
    search = field(page, 'Search participants')
    frame = page
    wait_for('a participant count', lambda: count_text(page))
    total = count_text(page)
    shot('1-list')

    # Every control (icon-only buttons, drop-downs, headers) has a name a
    # screen reader can say; the form's too.
    check_names(frame, 'the list')

    # A new person: Ctrl+N, a name, then a save without a sex shows how to fix it.
    app.keys('ctrl+n')
    name_field = field(frame, 'Full name')
    check_names(frame, 'the form')
    name_field.queryEditableText().setTextContents('Théogène Nsengiyumva')
    field(frame, 'Birth year').queryEditableText().setTextContents('1988')
    field(frame, 'Phone (07XXXXXXXX)').queryEditableText().setTextContents('0788 123 999')
    app.keys('ctrl+s')
    wait_for('the message under Sex', lambda: any(
        text_of(label).startswith('Choose the participant') for label in
        find_all(frame, pyatspi.ROLE_LABEL)))
    shot('2-invalid')

    # The first field to correct has the focus: pick Female from its list.
    app.keys('Return')
    time.sleep(0.5)
    app.keys('Down', 'Return')
    time.sleep(0.5)
    app.keys('ctrl+s')
    wait_for('the list to count one more person',
             lambda: count_text(page) not in (None, total))
    shot('3-saved')
    check_names(frame, 'a saved record')

    # Found by typing part of the name without accents.
    search.queryEditableText().setTextContents('theogene nseng')
    wait_count(page, '1 participant')
    cells = [label for label in find_all(frame, pyatspi.ROLE_LABEL)
             if text_of(label) == 'Théogène Nsengiyumva']
    if not cells:
        raise Failure('the list does not show Théogène Nsengiyumva')
    shot('4-found')

    # Edit: the village, saved; the phone was stored in its normal form.
    field(frame, 'Village').queryEditableText().setTextContents('Kabeza')
    app.keys('ctrl+s')
    wait_for('two changes in the history', lambda: find_all(frame, None, '2 changes'))
    out = subprocess.run([CLI, '--db', path, 'participants', 'list', '--search',
                          'nsengiyumva', '--format', 'csv'], capture_output=True, text=True,
                         check=True).stdout
    if 'Théogène Nsengiyumva' not in out:
        raise Failure('the CLI does not find the new person: %r' % out)

    # Delete, then undo: the toast's Undo button does what Ctrl+Z does; the
    # key is used here because a loaded machine may outlast the toast.
    press(one(frame, pyatspi.ROLE_PUSH_BUTTON, 'Delete participant'))
    wait_count(page, '0 participants')
    shot('5-deleted')
    app.keys('ctrl+z')
    wait_count(page, '1 participant')
    shot('6-undone')
    village = field(frame, 'Village')
    wait_for('the village to be back', lambda: text_of(village) == 'Kabeza')


def pairs_text(window):
    for label in find_all(window, pyatspi.ROLE_LABEL):
        text = text_of(label)
        if text.endswith('likely pairs') or text.endswith('likely pair'):
            return text
    return None


def anywhere(app, role, name_part):
    """Buttons of any window of the app (the merge question is a window of its own)."""
    for desktop_app in pyatspi.Registry.getDesktop(0):
        if desktop_app is None or desktop_app.get_process_id() != app.proc.pid:
            continue
        desktop_app.setCacheMask(pyatspi.cache.NONE)
        for window in desktop_app:
            if window is not None:
                found = [n for n in find_all(window, role) if name_part in n.name]
                if found:
                    return found
    return []


def cli_pairs(path):
    return subprocess.run([CLI, '--db', path, 'participants', 'duplicates'], capture_output=True,
                          text=True, check=True).stdout.splitlines()


def test_find_duplicates(app):
    """Find duplicates: not the same person, then merge."""
    path = os.path.join(TMP, 'duplicates.db')
    subprocess.run([CLI, '--db', path, 'sample-data'], check=True, timeout=60,
                   stdout=subprocess.DEVNULL)
    pairs = len(cli_pairs(path))
    if pairs < 2:
        raise Failure('the sample data has %d likely pairs, the test needs two' % pairs)
    app.start('--db', path)
    frame = app.frame('Healing Spaces')
    wait_for('the sidebar', lambda: find_all(frame, pyatspi.ROLE_LIST, 'Sections'))
    open_section(frame, 'Participants')
    wait_for('the Find duplicates button',
             lambda: find_all(frame, pyatspi.ROLE_PUSH_BUTTON, 'Find duplicates'))
    app.keys('ctrl+d')
    window = app.frame('Find Duplicates')
    wait_for('the count of %d pairs' % pairs,
             lambda: pairs_text(window) == '%d likely pairs' % pairs)
    check_names(window, 'Find Duplicates')
    shot('7-duplicates')

    # "Not the same person" is remembered: the pair leaves the window and the CLI.
    try:
        press(wait_for('a Not the same person button',
                       lambda: find_all(window, pyatspi.ROLE_PUSH_BUTTON, None)
                       and [b for b in find_all(window, pyatspi.ROLE_PUSH_BUTTON)
                            if 'are not the same person' in b.name])[0])
    except Failure:
        raise Failure('no Not the same person button among %r'
                      % [b.name for b in find_all(window, pyatspi.ROLE_PUSH_BUTTON)])
    wait_for('one pair fewer', lambda: pairs_text(window) == '%d likely pairs' % (pairs - 1))
    if len(cli_pairs(path)) != pairs - 1:
        raise Failure('the CLI still lists %d pairs' % len(cli_pairs(path)))

    # Merge, keeping the first record: one person fewer in the database.
    people = len(subprocess.run([CLI, '--db', path, 'participants', 'list', '--format', 'csv'],
                                capture_output=True, text=True, check=True).stdout.splitlines())
    press(wait_for('a Merge button',
                   lambda: [b for b in find_all(window, pyatspi.ROLE_PUSH_BUTTON)
                            if b.name.startswith('Merge ')])[0])
    press(wait_for('the Keep 1 answer',
                   lambda: anywhere(app, pyatspi.ROLE_PUSH_BUTTON, 'Keep 1'))[0])
    wait_for('two pairs fewer', lambda: pairs_text(window) == '%d likely pairs' % (pairs - 2))
    after = len(subprocess.run([CLI, '--db', path, 'participants', 'list', '--format', 'csv'],
                               capture_output=True, text=True, check=True).stdout.splitlines())
    if after != people - 1:
        raise Failure('%d people after the merge, expected %d' % (after, people - 1))
    shot('8-merged')


def show(path, pid):
    out = subprocess.run([CLI, '--db', path, 'participants', 'show', str(pid)],
                         capture_output=True, text=True, check=True).stdout
    return dict(line.split(':', 1) for line in out.splitlines() if ':' in line)


def test_merge_on_save(app):
    """A national ID already recorded, asked about on save and merged."""
    path = os.path.join(TMP, 'merge-on-save.db')
    subprocess.run([CLI, '--db', path, 'sample-data'], check=True, timeout=60,
                   stdout=subprocess.DEVNULL)
    # A woman with a national ID and no phone: the new record brings the phone.
    pid, person = next((i, p) for i, p in ((i, show(path, i)) for i in range(1, 100))
                       if p['Sex'].strip() == 'F' and 'National ID' in p and 'Phone' not in p)
    people = len(subprocess.run([CLI, '--db', path, 'participants', 'list', '--format', 'csv'],
                                capture_output=True, text=True, check=True).stdout.splitlines())
    app.start('--db', path)
    frame = app.frame('Healing Spaces')
    wait_for('the sidebar', lambda: find_all(frame, pyatspi.ROLE_LIST, 'Sections'))
    open_section(frame, 'Participants')
    wait_for('the New participant button',
             lambda: find_all(frame, pyatspi.ROLE_PUSH_BUTTON, 'New participant'))
    app.keys('ctrl+n')
    field(frame, 'Full name').queryEditableText().setTextContents('Somebody Else')
    # Escape with unsaved changes asks first; Keep Editing keeps them.
    app.keys('Escape')
    press(wait_for('the Keep Editing answer',
                   lambda: anywhere(app, pyatspi.ROLE_PUSH_BUTTON, 'Keep Editing'))[0])
    wait_for('the name still typed',
             lambda: text_of(field(frame, 'Full name')) == 'Somebody Else')
    field(frame, 'National ID (16 digits)').queryEditableText().setTextContents(
        person['National ID'].strip())
    field(frame, 'Phone (07XXXXXXXX)').queryEditableText().setTextContents('0788 404 404')
    # Asked at once, though the sex is not chosen: it is that person.
    app.keys('ctrl+s')
    merge = wait_for('the Merge into answer',
                     lambda: anywhere(app, pyatspi.ROLE_PUSH_BUTTON, 'Merge into'))[0]
    shot('9-already-recorded')
    press(merge)
    wait_for('the phone on the recorded person',
             lambda: show(path, pid).get('Phone', '').strip() == '+250788404404')
    # The form now shows the recorded person, with the phone added.
    name = field(frame, 'Full name')
    wait_for('the form to show %s' % person['Name'].strip(),
             lambda: text_of(name) == person['Name'].strip())
    after = show(path, pid)
    if after['Name'] != person['Name']:
        raise Failure('the merge replaced the name: %r' % after['Name'])
    count = len(subprocess.run([CLI, '--db', path, 'participants', 'list', '--format', 'csv'],
                               capture_output=True, text=True, check=True).stdout.splitlines())
    if count != people:
        raise Failure('%d people after the merge, expected %d' % (count, people))
    shot('10-merged-on-save')


TESTS = [test_add_find_edit_delete_undo, test_find_duplicates,
         test_merge_on_save]


def main():
    return run_tests(TESTS, on_failure=lambda: shot('failure'))


if __name__ == '__main__':
    sys.exit(main())
