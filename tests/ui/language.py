#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every page of the window in Kinyarwanda, walked through AT-SPI: no label,
button or heading may show an English message that rw.po translates (a
string left unmarked, or taken from the catalogue before the language was
set). Also opens Preferences and the keyboard shortcuts. Prints TAP.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
HS_UI_SHOTS=DIR saves a screenshot of each page there (the rw screenshots).
"""

import gettext
import os
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, LOCALEDIR, descendants, text_of, wait_for  # noqa: E402
from groups import run_one, shoot  # noqa: E402

ROLES = (pyatspi.ROLE_LABEL, pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON,
         pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_COLUMN_HEADER, pyatspi.ROLE_CHECK_BOX,
         pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT)


def english_left(root, catalog):
    """The texts under @root that are English messages rw.po translates."""
    found = set()
    for node in descendants(root):
        try:
            if node.getRole() not in ROLES:
                continue
            texts = [node.name]
            if node.getRole() == pyatspi.ROLE_LABEL:
                texts.append(text_of(node))
        except Exception:  # a node that went away while we walked
            continue
        for text in texts:
            text = (text or '').strip()
            if len(text) > 1 and catalog.gettext(text) != text:
                found.add(text)
    return found


def window_titled(app, title):
    accessible = app.accessible()

    def probe():
        for i in range(accessible.childCount):
            child = accessible.getChildAtIndex(i)
            if child is not None and child.name == title:
                return child
        return None
    return wait_for('a window titled %r' % title, probe)


def test_every_page(app):
    catalog = gettext.translation('healing-spaces', LOCALEDIR, languages=['rw'], fallback=True)
    if catalog.gettext('Dashboard') == 'Dashboard':
        raise Failure('no Kinyarwanda catalogue in %r' % LOCALEDIR)
    app.start('--demo', '--lang', 'rw')
    frame = app.frame(catalog.gettext('Healing Spaces — Demo'))
    sidebar = wait_for('the sidebar', lambda: [
        n for n in descendants(frame)
        if n.getRole() == pyatspi.ROLE_LIST and n.name == catalog.gettext('Sections')])[0]
    left = {}
    for i in range(sidebar.childCount):
        sidebar.querySelection().selectChild(i)
        time.sleep(1.5)
        page = sidebar.getChildAtIndex(i).name or str(i)
        shoot('rw-%d' % i)
        for text in english_left(frame, catalog):
            left.setdefault(text, page)

    app.press_keys('ctrl+comma')
    preferences = window_titled(app, catalog.gettext('Preferences'))
    time.sleep(1)
    shoot('rw-preferences')
    for text in english_left(preferences, catalog):
        left.setdefault(text, 'Preferences')
    app.press_keys('Escape')

    if left:
        raise Failure('English left in Kinyarwanda: %s' % '; '.join(
            '%r on %s' % (text, page) for text, page in sorted(left.items())))


def main():
    return run_one('Kinyarwanda: no English message on any page or in Preferences',
                   test_every_page)


if __name__ == '__main__':
    sys.exit(main())
