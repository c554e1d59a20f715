#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Backups through AT-SPI: back up from the main menu through the file
chooser, damage the database, then restore the backup from the page the
damaged file shows. Checks the files: the backup is a whole database, the
restored file holds the programme again, and the damaged one is kept aside.
Prints TAP.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
HS_UI_SHOTS=DIR saves a screenshot of each screen there.
"""

import glob
import os
import sqlite3
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, find_all, text_of, wait_for, TMP  # noqa: E402
from groups import buttons, cli, run_one, shoot  # noqa: E402
from certificates import window  # noqa: E402


def participants(path):
    with sqlite3.connect('file:%s?mode=ro' % path, uri=True) as con:
        return con.execute('SELECT count(*) FROM participant').fetchone()[0]


def x_windows(app):
    """The ids of the app's windows that X shows now."""
    return set(subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(app.proc.pid)],
                              capture_output=True, text=True).stdout.split())


def choose_file(app, title, path, accept):
    """Gives @path to GTK's own file chooser (the test session has no
    portal) and presses @accept: typed into the name entry of a Save
    chooser, or into the location entry an Open chooser shows on Ctrl+L."""
    chooser = window(app, title)
    time.sleep(0.5)
    if accept != 'Open':
        entry = wait_for('the file name entry', lambda: [
            e for e in find_all(chooser, pyatspi.ROLE_TEXT)
            if e.getState().contains(pyatspi.STATE_EDITABLE)])[0]
        entry.queryEditableText().setTextContents(path)
        shoot('chooser-' + accept.lower().replace(' ', '-'))
        buttons(chooser, accept)[0].queryAction().doAction(0)
        return
    windows = wait_for('the chooser on screen', lambda: subprocess.run(
        ['xdotool', 'search', '--onlyvisible', '--name', '^%s$' % title],
        capture_output=True, text=True).stdout.split())
    subprocess.run(['xdotool', 'windowfocus', '--sync', windows[-1]], check=True)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+l'], check=True)
    time.sleep(0.5)
    subprocess.run(['xdotool', 'type', '--delay', '20', path], check=True)
    time.sleep(0.5)
    shoot('chooser-open')
    subprocess.run(['xdotool', 'key', '--clearmodifiers', 'Return'], check=True)


def test_back_up_and_restore(app):
    db = os.path.join(TMP, 'office.db')
    backup = os.path.join(TMP, 'office-copy.hsbackup')
    cli('--db', db, 'sample-data')
    people = participants(db)

    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    wait_for('the dashboard', lambda: find_all(frame, pyatspi.ROLE_FILLER, 'HsDashboardPage'))
    app.press_keys('F10')
    item = wait_for('the Back Up… menu item', lambda: [
        i for i in find_all(app.accessible(), pyatspi.ROLE_MENU_ITEM)
        if i.name in ('Back Up…', '_Back Up…')] or [
        b for b in find_all(app.accessible(), pyatspi.ROLE_PUSH_BUTTON)
        if b.name.endswith('Back Up…')])
    item[0].queryAction().doAction(0)
    choose_file(app, 'Back Up', backup, 'Back Up')
    wait_for('the backup written', lambda: os.path.exists(backup), timeout=30)
    wait_for('the toast', lambda: [l for l in find_all(frame, pyatspi.ROLE_LABEL)
                                  if 'and checked' in text_of(l)])
    if participants(backup) != people:
        raise Failure('the backup holds %d people, not %d' % (participants(backup), people))
    if oct(os.stat(backup).st_mode & 0o777) != '0o600':
        raise Failure('the backup is %s, not 0600' % oct(os.stat(backup).st_mode & 0o777))
    app.press_keys('ctrl+q')
    app.wait_exit()

    # Power cut, bad disk: the file is no longer a database.
    for suffix in ('-wal', '-shm'):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    with open(db, 'wb') as damaged:
        damaged.write(b'\0garbage ' * 4096)

    app.start('--db', db)
    frame = app.frame('Healing Spaces')
    button = wait_for('Restore a Backup…', lambda: buttons(frame, 'Restore a Backup…'))
    shoot('damaged')
    button[0].queryAction().doAction(0)
    choose_file(app, 'Restore a Backup', backup, 'Open')
    dialog = window(app, 'Restore This Backup?')
    shoot('confirm-restore')
    before = x_windows(app)
    buttons(dialog, 'Restore')[0].queryAction().doAction(0)
    # GTK 4.8 answers an AT-SPI request about a window that is being
    # replaced with a NULL object path, a GLib critical that the test's
    # fatal-warnings turn into a crash (about one run in twenty-five). So the
    # tree is not walked until X shows the new window and it has settled.
    wait_for('the new window on screen', lambda: x_windows(app) - before, timeout=30)
    time.sleep(1)

    def restored_window():
        # The damaged file's window is gone; a new one shows the dashboard.
        accessible = app.accessible()
        for i in range(accessible.childCount):
            child = accessible.getChildAtIndex(i)
            if child is not None and child.getRole() == pyatspi.ROLE_FRAME \
                    and find_all(child, pyatspi.ROLE_FILLER, 'HsDashboardPage'):
                return child
        return None
    frame = wait_for('the restored dashboard', restored_window, timeout=30)
    time.sleep(1)
    shoot('restored')
    wait_for('the toast', lambda: [l for l in find_all(frame, pyatspi.ROLE_LABEL)
                                  if text_of(l).startswith('Restored from')])
    if participants(db) != people:
        raise Failure('the restored file holds %d people, not %d' % (participants(db), people))
    kept = [p for p in glob.glob(db + '*') + glob.glob(os.path.join(TMP, 'office*'))
            if p not in (db, backup) and not p.endswith(('-wal', '-shm'))]
    if not any(open(p, 'rb').read(9) == b'\0garbage ' for p in kept):
        raise Failure('the damaged file was not kept aside: %r' % kept)
    check = subprocess.run([os.environ['HS_CLI'], '--db', db, 'check'], capture_output=True,
                           text=True, timeout=60)
    if check.returncode != 0:
        raise Failure('check of the restored file: %s' % check.stderr)


# GTK 4.8's own file chooser now and then warns "Trying to snapshot GtkButton
# ... without a current allocation" as it opens (one CI run in about thirty:
# the app aborted under fatal-warnings before the chooser showed). This test
# drives that chooser twice, so warnings are not fatal here; criticals still
# are, and every other warning still fails the test (check_warnings).
KNOWN_GTK_WARNINGS = ('Trying to snapshot',)


def check_warnings():
    for path in glob.glob(os.path.join(TMP, 'app-*.log')):
        with open(path, errors='replace') as log:
            for line in log:
                if 'WARNING **' in line and not any(k in line for k in KNOWN_GTK_WARNINGS):
                    raise Failure('the app warned: %s' % line.strip())


def test_backups(app):
    os.environ['HS_G_DEBUG_OVERRIDE'] = 'gc-friendly,fatal-criticals'
    try:
        test_back_up_and_restore(app)
    finally:
        del os.environ['HS_G_DEBUG_OVERRIDE']
    check_warnings()


def main():
    return run_one('backups: back up from the menu, restore from the damaged-database page', test_backups)


if __name__ == '__main__':
    sys.exit(main())
