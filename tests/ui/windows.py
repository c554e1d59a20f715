#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The app's own windows from the main menu and the keyboard: About, the
keyboard shortcuts (Ctrl+?) and Preferences (Ctrl+,), where choosing
Kinyarwanda as the interface language rebuilds the open window in
Kinyarwanda at once. Prints TAP; run it through run-ui-test.sh."""

import gettext
import os
import re
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import (Failure, LOCALEDIR, find_all, graduates_figure, quit_with_ctrl_q,  # noqa: E402
                   run_tests, text_of, wait_for)
from groups import click  # noqa: E402

RW = gettext.translation('healing-spaces', LOCALEDIR, languages=['rw'], fallback=True)


def window(app, title):
    accessible = app.accessible()

    def probe():
        return [c for c in accessible if c is not None and c.name == title]
    try:
        return wait_for('a window titled %r' % title, probe)[0]
    except Failure:
        raise Failure('no window titled %r; windows: %r'
                      % (title, [c.name for c in accessible if c is not None]))


def closed(app, title):
    return not [c for c in app.accessible() if c is not None and c.name == title]


def label(root, text):
    return [n for n in find_all(root, pyatspi.ROLE_LABEL) if text_of(n) == text]


def key(*keys):
    """Presses @keys in whatever has the focus (the app's open popover)."""
    for name in keys:
        time.sleep(0.3)
        subprocess.run(['xdotool', 'key', '--clearmodifiers', name], check=True)


def start_demo(app, *args):
    app.start('--demo', *args)
    frame = app.frame(RW.gettext('Healing Spaces — Demo') if args else 'Healing Spaces — Demo')
    wait_for('the Graduates card', lambda: graduates_figure(frame))
    return frame


def test_about(app):
    """About Healing Spaces (main menu): name, version and authors; Escape closes it."""
    start_demo(app)
    app.keys('F10')
    item = wait_for('the menu item About Healing Spaces', lambda: [
        n for n in find_all(app.accessible(), None, 'About Healing Spaces')
        if n.getRole() in (pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_PUSH_BUTTON)])[0]
    item.queryAction().doAction(0)
    about = window(app, 'About')
    for text in ('Healing Spaces', 'Healing Spaces contributors'):
        wait_for('%r in the About window' % text, lambda: label(about, text))
    wait_for('the version in the About window', lambda: [
        n for n in find_all(about, None, None)
        if re.fullmatch(r'\d+\.\d+\.\d+', n.name or '')
        or (n.getRole() == pyatspi.ROLE_LABEL and re.fullmatch(r'\d+\.\d+\.\d+', text_of(n)))])
    app.keys('Escape')
    wait_for('the About window to close', lambda: closed(app, 'About'))
    quit_with_ctrl_q(app)


def test_preferences_language(app):
    """Preferences: the interface language offers System, Ikinyarwanda and English;
    Ikinyarwanda rebuilds the window in Kinyarwanda, English brings it back."""
    start_demo(app)
    app.keys('ctrl+comma')
    prefs = window(app, 'Preferences')
    row = wait_for('the Interface language row', lambda: [
        n for n in find_all(prefs, None, None)
        if n.getRole() != pyatspi.ROLE_LABEL and n.name == 'Interface language'])[0]
    click(row)
    choices = wait_for('the three languages', lambda: [
        n for n in find_all(app.accessible(), pyatspi.ROLE_LABEL)
        if text_of(n) in ('System', 'Ikinyarwanda', 'English')])
    names = sorted(set(text_of(n) for n in choices))
    if names != ['English', 'Ikinyarwanda', 'System']:
        raise Failure('the languages offered are %r' % names)
    # The list opens with the focus on its first item (System).
    # (Its popover is a window of its own: a click at AT-SPI coordinates misses.)
    key('Down', 'Return')
    frame = app.frame(RW.gettext('Healing Spaces — Demo'))
    wait_for('the dashboard in Kinyarwanda', lambda: label(frame, RW.gettext('Graduates')))
    print('# the window is now %r' % frame.name, flush=True)
    # Back to English from the Kinyarwanda Preferences window.
    prefs = window(app, RW.gettext('Preferences'))
    row = wait_for('the Interface language row in Kinyarwanda', lambda: [
        n for n in find_all(prefs, None, None) if n.getRole() != pyatspi.ROLE_LABEL
        and n.name == RW.gettext('Interface language')])[0]
    click(row)
    wait_for('English in the list', lambda: label(app.accessible(), 'English'))
    key('Down', 'Down', 'Return')
    frame = app.frame('Healing Spaces — Demo')
    wait_for('the dashboard in English', lambda: label(frame, 'Graduates'))
    window(app, 'Preferences')
    app.keys('Escape')
    wait_for('Preferences to close', lambda: closed(app, 'Preferences'))
    quit_with_ctrl_q(app)


def test_shortcuts(app):
    """Ctrl+? opens the keyboard shortcuts, which name Ctrl+, and F5; Escape closes it."""
    # GTK 4.8's shortcuts window warns about a label of its own (language.py).
    os.environ['HS_G_DEBUG_OVERRIDE'] = 'gc-friendly'
    try:
        start_demo(app)
    finally:
        del os.environ['HS_G_DEBUG_OVERRIDE']
    app.keys('ctrl+question')
    shortcuts = window(app, 'Keyboard Shortcuts')
    time.sleep(0.5)
    texts = set(text_of(n) for n in find_all(shortcuts, pyatspi.ROLE_LABEL))
    for want in ('Present the charts', 'Preferences', 'Quit'):
        if not any(want in t for t in texts):
            raise Failure('the shortcuts window has no %r: %r' % (want, sorted(texts)[:40]))
    app.keys('Escape')
    wait_for('the shortcuts window to close', lambda: closed(app, 'Keyboard Shortcuts'))
    quit_with_ctrl_q(app)


if __name__ == '__main__':
    if RW.gettext('Interface language') == 'Interface language':
        print('Bail out! no Kinyarwanda catalog in %r' % LOCALEDIR)
        sys.exit(1)
    sys.exit(run_tests([test_about, test_preferences_language, test_shortcuts]))
