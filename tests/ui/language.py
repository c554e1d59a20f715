#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every page and dialog of the window in Kinyarwanda, walked through
AT-SPI: no label, button or heading may show an English message that rw.po
translates (a string left unmarked, or taken from the catalogue before the
language was set). Pages: the sidebar's sections, the participant form and
a group's page. Windows: Preferences, keyboard shortcuts, the guide, New
Group, the import wizard, backup and restore, public holidays, Find
Duplicates, the certificate preview, save and print, Present Charts, the
chart and report exports. Prints TAP.

GTK's own file chooser and print dialog stay English (Debian's GTK rw
catalogue is empty, po/README.md): in those only our own texts count.

Run it through run-ui-test.sh (X server, D-Bus session, throwaway folders).
HS_UI_SHOTS=DIR saves a screenshot of each page and window there
(build-aux/screenshots.sh rw makes docs/screenshots/rw/ from them).
"""

import gettext
import os
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smoke import Failure, LOCALEDIR, TMP, find_all, text_of, wait_for  # noqa: E402
from groups import click, run_one  # noqa: E402

SHOTS = os.environ.get('HS_UI_SHOTS')
ROLES = (pyatspi.ROLE_LABEL, pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON,
         pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_COLUMN_HEADER, pyatspi.ROLE_CHECK_BOX,
         pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT)
SECTIONS = ('dashboard', 'participants', 'groups', 'calendar', 'certificates', 'reports',
            'livelihoods')
# Labels of GTK's own file chooser and print dialog that our catalogue also
# translates: in those dialogs they come from GTK, in English (accepted).
STOCK = {'Cancel', '_Cancel', 'Name', 'Name:', 'Status', 'Size', 'Type', 'Modified', 'Location',
         'Open', 'Save', 'Print', 'Close', 'Other Locations', 'Recent', 'Home', 'Desktop',
         'Search', 'Pages', 'Copies', 'Settings', 'Layout', 'Preview', 'General', 'Paper',
         'Options', 'All', 'Orientation', 'Scale', 'Format', 'Both', 'None', 'Colour', 'Color',
         'Portrait', 'Landscape', 'Range', 'Current Page', 'Selection', 'Folder', 'File'}
CATALOG = gettext.translation('healing-spaces', LOCALEDIR, languages=['rw'], fallback=True)
# The accessible names of the pages: the type's name unless the page has a label.
PAGES = ('HsDashboardPage', CATALOG.gettext('Participants'), 'HsGroupsPage', 'HsCalendarPage',
         'HsCertificatesPage', 'HsReportsPage', 'HsLivelihoodsPage')




def english_messages():
    """Every English message rw.po translates, with or without a context
    (gettext() alone never finds a message that has one), and plural forms."""
    found = set()
    for key, value in getattr(CATALOG, '_catalog', {}).items():
        msgid = key[0] if isinstance(key, tuple) else key
        msgid = msgid.split('\x04', 1)[-1]
        if msgid and value and value != msgid:
            found.add(msgid)
    return found


ENGLISH = english_messages()


def tr(text):
    return CATALOG.gettext(text)


def plain(text):
    """GTK 4.8 names a widget with a mnemonic "_Save PDF… Save PDF…": compare without it."""
    return (text or '').replace('_', '').strip()


def is_page(node):
    return node.getRole() == pyatspi.ROLE_FILLER and (
        node.name in PAGES or node.name.startswith('Hs') and node.name.endswith('Page'))


def nodes(root):
    """@root and what it holds, without the pages of the window's stack
    other than @root: hidden pages stay in the tree on GTK 4.8, and walking
    them all again for each page made the test crawl."""
    yield root
    for i in range(root.childCount):
        child = root.getChildAtIndex(i)
        if child is None:
            continue
        try:
            if is_page(child):
                continue
        except Exception:
            continue
        yield from nodes(child)


def find_page(root, type_name):
    """The page @type_name, found without walking the other pages."""
    for i in range(root.childCount):
        child = root.getChildAtIndex(i)
        if child is None:
            continue
        if is_page(child):
            if child.name == type_name:
                return child
            continue
        found = find_page(child, type_name)
        if found is not None:
            return found
    return None


def english_left(root):
    """The texts under @root that are English messages rw.po translates."""
    found = set()
    for node in nodes(root):
        try:
            role = node.getRole()
            if node is not root and role not in ROLES:
                continue
            texts = [node.name]
            if role == pyatspi.ROLE_LABEL:
                texts.append(text_of(node))
        except Exception:  # a node that went away while we walked
            continue
        for text in texts:
            text = (text or '').strip()
            if len(text) > 1 and text in ENGLISH:
                found.add(text)
    return found


def window_titled(app, title, timeout=20.0):
    accessible = app.accessible()

    def probe():
        for i in range(accessible.childCount):
            child = accessible.getChildAtIndex(i)
            if child is not None and child.name == title:
                return child
        return None
    try:
        return wait_for('a window titled %r' % title, probe, timeout)
    except Failure:
        raise Failure('no window titled %r; windows: %r'
                      % (title, [c.name for c in accessible if c is not None]))


def is_open(app, title):
    accessible = app.accessible()
    return any(child is not None and child.name == title
               for child in [accessible.getChildAtIndex(i) for i in range(accessible.childCount)])


def xwindow(title):
    found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name',
                            '^%s$' % title.replace('.', '\\.')],
                           capture_output=True, text=True).stdout.split()
    return found[-1] if found else None


def shoot(name, title=None):
    """The whole screen for a page, only its window for a dialog."""
    if not SHOTS:
        return
    window = xwindow(title) if title else None
    subprocess.run(['import', '-window', window or 'root', os.path.join(SHOTS, name + '.png')],
                   check=False)


def focus(title):
    window = xwindow(title)
    if window is None:
        raise Failure('xdotool found no window named %r' % title)
    subprocess.run(['xdotool', 'windowfocus', '--sync', window], check=True)
    time.sleep(0.2)


def key(*keys):
    subprocess.run(['xdotool', 'key', '--clearmodifiers', *keys], check=True)


def close(app, title, window):
    """Escape, or the window's Close or Cancel button (no window manager here)."""
    focus(title)
    key('Escape')
    try:
        wait_for('%r to close on Escape' % title, lambda: not is_open(app, title), timeout=2)
        return
    except Failure:
        pass
    names = {'Close', plain(tr('Close')), plain(tr('_Close')), plain(tr('_Cancel'))}
    for button in find_all(window, pyatspi.ROLE_PUSH_BUTTON):
        if plain(button.name) in names or plain(button.name).split(' ')[-1] in names:
            button.queryAction().doAction(0)
            break
    wait_for('%r to close' % title, lambda: not is_open(app, title), timeout=5)


def named(button, want):
    """GTK 4.8 joins a button's label and accessible label in its name:
    "_Save PDF… Save PDF…", "Save as CSV Save as CSV…"."""
    name = plain(button.name)
    return name == want or name.endswith(' ' + want) or name.startswith(want + ' ')


def press(root, label):
    """Activates the button whose name (without mnemonic) is the translation of @label.
    Walking a page full of tables over AT-SPI takes long on a busy machine."""
    want = plain(tr(label))

    def buttons():
        return find_all(root, pyatspi.ROLE_PUSH_BUTTON) + find_all(root,
                                                                   pyatspi.ROLE_TOGGLE_BUTTON)
    try:
        button = wait_for('the button %r' % want, timeout=60, probe=lambda: [
            b for b in buttons() if named(b, want)])[0]
    except Failure:
        raise Failure('no button %r in %r; its buttons: %r'
                      % (want, root.name, [b.name for b in buttons()]))
    try:
        button.queryAction().doAction(0)
    except Exception:  # a GtkMenuButton has no action on GTK 4.8
        click(button)


def menu_item(app, frame_title, label):
    """Opens the main menu with F10 and activates the item @label."""
    focus(frame_title)
    key('F10')
    want = plain(tr(label))
    item = wait_for('the menu item %r' % want, lambda: [
        i for i in find_all(app.accessible(), pyatspi.ROLE_MENU_ITEM)
        if plain(i.name) == want] or [
        b for b in find_all(app.accessible(), pyatspi.ROLE_PUSH_BUTTON)
        if plain(b.name).endswith(want)])[0]
    item.queryAction().doAction(0)


class Walk:
    """What is left in English, and where."""

    def __init__(self, app):
        self.app = app
        self.left = {}

    def check(self, root, where, stock=False):
        for text in english_left(root):
            if stock and (text in STOCK or plain(text) in STOCK):
                continue
            self.left.setdefault(text, where)

    def window(self, title, shot, stock=False, english=None):
        """Checks the window titled @title (its English title @english), shoots it, closes it."""
        title = tr(title) if english is None else title
        print('# %s' % (english or title), flush=True)
        window = window_titled(self.app, title)
        time.sleep(1)
        self.check(window, english or title, stock)
        shoot(shot, title)
        close(self.app, title, window)

    def chooser(self, title, shot):
        self.window(title, shot, stock=True)


def csv_file():
    path = os.path.join(TMP, 'abitabiriye.csv')
    with open(path, 'w', encoding='utf-8') as out:
        out.write('Amazina,Igitsina,Imyaka,Akarere\r\nUwase Aline,F,24,Musanze\r\n'
                  'Habimana Eric,M,41,Nyabihu\r\n')
    return path


def section(frame, index):
    print('# section %s' % SECTIONS[index], flush=True)
    sidebar = wait_for('the sidebar', lambda: [
        n for n in nodes(frame)
        if n.getRole() == pyatspi.ROLE_LIST and n.name == tr('Sections')])[0]
    sidebar.querySelection().selectChild(index)
    time.sleep(1.5)


def page_of(frame, type_name):
    return wait_for(type_name, lambda: find_page(frame, type_name))


def walk_pages(walk, frame):
    walk.check(frame, 'the window')  # header bar and sidebar
    for i, name in enumerate(SECTIONS):
        section(frame, i)
        shoot(name)
        walk.check(page_of(frame, PAGES[i]), name)


def walk_app_windows(walk, frame, frame_title):
    app = walk.app
    app.press_keys('ctrl+comma')
    walk.window('Preferences', 'preferences')
    focus(frame_title)
    key('F1')
    walk.window('Guide', 'guide')


def walk_file_dialogs(walk, frame, frame_title):
    app = walk.app
    menu_item(app, frame_title, '_Back Up…')
    walk.chooser('Back Up', 'back-up')
    menu_item(app, frame_title, '_Restore a Backup…')
    walk.chooser('Restore a Backup', 'restore-backup')

    menu_item(app, frame_title, '_Import a Spreadsheet…')
    wizard_title = tr('Import Participants')
    print('# Import Participants', flush=True)
    wizard = window_titled(app, wizard_title)
    time.sleep(1)
    walk.check(wizard, 'Import Participants')
    shoot('import', wizard_title)
    press(wizard, '_Choose File…')
    title = tr('Choose a Spreadsheet Saved as CSV')
    chooser = window_titled(app, title)
    time.sleep(0.5)
    walk.check(chooser, title, stock=True)
    focus(title)
    key('ctrl+l')
    time.sleep(0.5)
    subprocess.run(['xdotool', 'type', '--delay', '20', csv_file()], check=True)
    time.sleep(0.5)
    key('Return')
    wait_for('the chooser to close', lambda: not is_open(app, title))
    time.sleep(1.5)
    walk.check(wizard, 'Import Participants: the columns')
    shoot('import-columns', wizard_title)
    close(app, wizard_title, wizard)


def walk_page_dialogs(walk, frame, frame_title):
    app = walk.app
    section(frame, SECTIONS.index('dashboard'))
    press(page_of(frame, 'HsDashboardPage'), '_Present')
    walk.window('Present Charts', 'present-charts')
    press(page_of(frame, 'HsDashboardPage'), '_Export')
    want = plain(tr('All Charts, One per Page (PDF)…'))
    wait_for('the export menu item', lambda: [
        i for i in find_all(app.accessible(), pyatspi.ROLE_MENU_ITEM)
        if plain(i.name) == want])[0].queryAction().doAction(0)
    walk.chooser('Save Charts', 'save-charts')

    section(frame, SECTIONS.index('groups'))
    page = page_of(frame, 'HsGroupsPage')
    press(page, '_New Group…')
    walk.window('New Group', 'new-group')
    table = wait_for('the groups table', lambda: find_all(page, pyatspi.ROLE_TREE_TABLE))[0]
    cell = wait_for('Musanze adults 1 in the table', lambda: [
        c for c in find_all(table, pyatspi.ROLE_LABEL) if text_of(c) == 'Musanze adults 1'])[0]
    time.sleep(0.5)
    click(cell)
    time.sleep(2)
    shoot('group')
    walk.check(wait_for('HsGroupPage', lambda: find_page(frame, 'HsGroupPage')
                        or find_page(page, 'HsGroupPage')), 'a group\'s page')

    section(frame, SECTIONS.index('calendar'))
    press(page_of(frame, 'HsCalendarPage'), '_Holidays…')
    walk.window('Public Holidays', 'holidays')

    section(frame, SECTIONS.index('certificates'))
    page = page_of(frame, 'HsCertificatesPage')
    press(page, 'Pre_view')
    walk.window('Certificate Preview', 'certificate-preview')
    press(page, '_Save PDF…')
    walk.chooser('Save Certificates', 'save-certificates')
    press(page, '_Print…')
    walk.window('Print', 'print', stock=True, english='Print')

    section(frame, SECTIONS.index('reports'))
    press(page_of(frame, 'HsReportsPage'), 'Save as CSV')
    walk.chooser('Save Table as CSV', 'save-table')

    section(frame, SECTIONS.index('livelihoods'))
    page = page_of(frame, 'HsLivelihoodsPage')
    press(page, '_New Livelihood Group')
    time.sleep(1)
    shoot('new-livelihood-group')
    walk.check(page, 'a new livelihood group')

    section(frame, SECTIONS.index('participants'))
    page = page_of(frame, PAGES[1])
    print('# the participant form', flush=True)
    focus(frame_title)
    key('ctrl+n')
    time.sleep(1.5)
    shoot('participant-form')
    walk.check(page, 'the participant form')
    focus(frame_title)
    key('Escape')
    # Last: the search for duplicates keeps the app busy for a while.
    press(page, 'Find duplicates')
    walk.window('Find Duplicates', 'find-duplicates')


def walk_shortcuts(app):
    """GTK 4.8's shortcuts window warns "GtkLabel … reported min width -3"
    in English as in Kinyarwanda (a GTK bug, not a label of ours): the
    test's fatal warnings would end the app, so it gets a run of its own
    without them."""
    app.close()
    os.environ['HS_G_DEBUG_OVERRIDE'] = 'gc-friendly'
    try:
        app.start('--demo', '--lang', 'rw')
    finally:
        del os.environ['HS_G_DEBUG_OVERRIDE']
    frame_title = tr('Healing Spaces — Demo')
    app.frame(frame_title)
    walk = Walk(app)
    menu_item(app, frame_title, '_Keyboard Shortcuts')
    # Its heading "Shortcuts" is GTK's own (po/README.md); the rest is ours.
    walk.window('Keyboard Shortcuts', 'shortcuts')
    return walk.left


def walk_in_rw(app, *steps):
    if tr('Dashboard') == 'Dashboard':
        raise Failure('no Kinyarwanda catalogue in %r' % LOCALEDIR)
    app.start('--demo', '--lang', 'rw')
    frame_title = tr('Healing Spaces — Demo')
    frame = app.frame(frame_title)
    walk = Walk(app)
    for step in steps:
        step(walk, frame, frame_title)
    return walk.left


def report(left):
    if left:
        raise Failure('English left in Kinyarwanda: %s' % '; '.join(
            '%r on %s' % (text, where) for text, where in sorted(left.items())))


def test_pages(app):
    report(walk_in_rw(app, lambda walk, frame, title: walk_pages(walk, frame),
                      walk_app_windows))


def test_dialogs(app):
    left = walk_in_rw(app, walk_file_dialogs, walk_page_dialogs)
    for text, where in walk_shortcuts(app).items():
        left.setdefault(text, where)
    report(left)


def main():
    """`language.py pages`: the sections, Preferences and the guide;
    `language.py dialogs`: the dialogs of the menu and of each page, and the
    shortcuts (two tests, so that each stays within its time limit)."""
    if sys.argv[1:] == ['dialogs']:
        return run_one('Kinyarwanda dialogs: no English message in any dialog', test_dialogs)
    return run_one('Kinyarwanda pages: no English message on any page, in Preferences '
                   'or the guide', test_pages)


if __name__ == '__main__':
    sys.exit(main())
