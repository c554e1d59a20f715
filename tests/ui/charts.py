#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test of the charts: the dashboard's charts as screen readers see
them, a presentation started with F5 and driven with the keyboard, and the
Reports section. Prints TAP. Run it through run-ui-test.sh."""

import os
import subprocess
import sys
import tempfile
import time

import pyatspi

from smoke import (Failure, Run, Skip, find_all, graduates_figure, labels, text_of, wait_for,
                   quit_with_ctrl_q)

DEMO_TITLE = 'Healing Spaces — Demo'
# What the stand-in session manager was asked (fake-session-manager.py).
SM_LOG = os.path.join(tempfile.mkdtemp(), 'session-manager.log')


def session_manager_calls():
    with open(SM_LOG) as log:
        return log.read().splitlines()


def key_to_window(name, keys):
    """Sends keys to the app's window titled name (xdotool finds it by title)."""
    windows = wait_for('an X window titled %r' % name, lambda: subprocess.run(
        ['xdotool', 'search', '--onlyvisible', '--name', '^%s$' % name],
        capture_output=True, text=True).stdout.split())
    subprocess.run(['xdotool', 'windowfocus', windows[-1]], check=True)
    time.sleep(0.3)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', keys], check=True)
    time.sleep(0.3)


def buttons(root, name):
    """GTK 4.8 names a button with a mnemonic label "Start Start": match
    the last word(s)."""
    return [button for button in find_all(root, pyatspi.ROLE_PUSH_BUTTON)
            if button.name == name or button.name.endswith(' ' + name)]


def frames(app):
    accessible = app.accessible()
    return [accessible.getChildAtIndex(i) for i in range(accessible.childCount)]


def find_frame(app, title):
    return next((f for f in frames(app) if f is not None and f.getRole() == pyatspi.ROLE_FRAME
                 and f.name == title), None)


def test_dashboard_charts(app, frame):
    """The dashboard shows each chart, named with its figures."""
    district = wait_for('the district chart', lambda: [
        image for image in find_all(frame, pyatspi.ROLE_IMAGE)
        if image.name.startswith('Graduates by district.')])
    for figure in ('Musanze: 178', 'Nyabihu: 147', 'Nyamagabe: 190'):
        if figure not in district[0].name:
            raise Failure('the district chart does not say %r: %r' % (figure, district[0].name))
    images = [image.name for image in find_all(frame, pyatspi.ROLE_IMAGE)]
    for title in ('Graduates by sex.', 'Graduates over time.',
                  'Progress towards the programme target.',
                  'Progress towards the targets, by district.'):
        if not any(name.startswith(title) for name in images):
            raise Failure('no chart named %r among %r' % (title, images))
    # Women and men beside what the Bugesera pilot reached.
    sexes = [name for name in images
             if name.startswith('Progress towards the targets, women and men.')]
    if not sexes or 'Female: 489 (Bugesera pilot 3,990)' not in sexes[0]:
        raise Failure('the progress chart by sex reads %r' % sexes)
    if not buttons(frame, 'Present'):
        names = [button.name for button in find_all(frame, pyatspi.ROLE_PUSH_BUTTON)]
        raise Failure('no Present button among %r' % names)


def counter(frame):
    labels = [text_of(label) for label in find_all(frame, pyatspi.ROLE_LABEL)]
    return next((text for text in labels if ' / ' in text), None)


def test_presentation(app, frame):
    """F5, Start, then Space, ← and Esc drive a slideshow; idle is inhibited meanwhile."""
    key_to_window(DEMO_TITLE, 'F5')
    setup = wait_for('the Present Charts window', lambda: find_frame(app, 'Present Charts'))
    start = wait_for('the Start button', lambda: buttons(setup, 'Start'))
    start[0].queryAction().doAction(0)
    show = wait_for('the presentation', lambda: find_frame(app, 'Presentation'))
    wait_for('slide 1 / 9', lambda: counter(show) == '1 / 9')
    # The screen must not blank: GtkApplication asks the session to inhibit
    # idle (flag 8) while the slideshow is up, and lets go after Esc.
    wait_for('an idle inhibitor', lambda: any(
        line.startswith('Inhibit (') and "'Charts are being presented', 8)" in line
        for line in session_manager_calls()))
    key_to_window('Presentation', 'space')
    wait_for('slide 2 / 9 after Space', lambda: counter(show) == '2 / 9')
    key_to_window('Presentation', 'Right')
    wait_for('slide 3 / 9 after →', lambda: counter(show) == '3 / 9')
    key_to_window('Presentation', 'Left')
    wait_for('slide 2 / 9 after ←', lambda: counter(show) == '2 / 9')
    key_to_window('Presentation', 'Escape')
    wait_for('the presentation to close', lambda: find_frame(app, 'Presentation') is None)
    wait_for('the inhibitor released', lambda: 'Uninhibit (42,)' in session_manager_calls())


def paused(show):
    return any(text_of(label) == 'Paused · P to play' for label in find_all(show, pyatspi.ROLE_LABEL))


def test_autoplay(app, frame):
    """Played by itself the slideshow moves on alone; P pauses and resumes it."""
    key_to_window(DEMO_TITLE, 'F5')
    setup = wait_for('the Present Charts window', lambda: find_frame(app, 'Present Charts'))
    switch = wait_for('the Play by itself switch', lambda: [
        node for node in find_all(setup, pyatspi.ROLE_CHECK_BOX) if node.name == 'Play by itself'])
    switch[0].queryAction().doAction(0)
    wait_for('the switch on', lambda: switch[0].getState().contains(pyatspi.STATE_CHECKED)
             or switch[0].getState().contains(pyatspi.STATE_PRESSED))
    buttons(setup, 'Start')[0].queryAction().doAction(0)
    show = wait_for('the presentation', lambda: find_frame(app, 'Presentation'))
    wait_for('slide 1 / 9', lambda: counter(show) == '1 / 9')
    # 15 s a slide by default: the next one comes without a key.
    wait_for('slide 2 / 9 by itself', lambda: counter(show) == '2 / 9', timeout=60)
    if paused(show):
        raise Failure('the slideshow says it is paused while it plays')
    key_to_window('Presentation', 'p')
    wait_for('the paused note after P', lambda: paused(show))
    key_to_window('Presentation', 'p')
    wait_for('the paused note gone after P again', lambda: not paused(show))
    key_to_window('Presentation', 'Escape')
    wait_for('the presentation to close', lambda: find_frame(app, 'Presentation') is None)


def test_bar_opens_participants(app, frame):
    """Clicking the community part of Nyamagabe's bar lists its 148 community graduates."""
    chart = wait_for('the district chart', lambda: [
        image for image in find_all(frame, pyatspi.ROLE_IMAGE)
        if image.name.startswith('Graduates by district.')])[0]
    extents = chart.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    # Scroll until the chart's bars are in the window.
    for _ in range(10):
        if extents.y + extents.height < 680:
            break
        subprocess.run(['xdotool', 'mousemove', '600', '400', 'click', '5'], check=True)
        time.sleep(0.2)
        extents = chart.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    # Five bars, Nyamagabe last: its middle is at nine tenths of the width;
    # its community part (148 of 190) fills the lower part of the plot.
    x = extents.x + int(extents.width * 0.9)
    y = extents.y + int(extents.height * 0.75)
    subprocess.run(['xdotool', 'mousemove', str(x), str(y), 'click', '1'], check=True)
    wait_for('148 participants listed', lambda: any(
        text_of(label) == '148 participants' for label in find_all(frame, pyatspi.ROLE_LABEL)))
    sidebar = find_all(frame, pyatspi.ROLE_LIST, 'Sections')[0]
    sidebar.querySelection().selectChild(0)


def scroll_into_view(chart, bottom=680, top=60):
    """Scrolls the dashboard until the whole of @chart is in the window."""
    for _ in range(30):
        extents = chart.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        if extents.y + extents.height > bottom:
            button = '5'
        elif extents.y < top:
            button = '4'
        else:
            return extents
        subprocess.run(['xdotool', 'mousemove', '600', '400', 'click', button], check=True)
        time.sleep(0.2)
    raise Failure('the chart stays out of the window: %r' % (extents,))


def click_bar(frame, title, across, down):
    """Clicks the chart named @title at @across of its width, @down of its height."""
    chart = wait_for('the chart %r' % title, lambda: [
        image for image in find_all(frame, pyatspi.ROLE_IMAGE)
        if image.name.startswith(title + '.')])[0]
    extents = scroll_into_view(chart)
    print('# %s at %d,%d %dx%d' % (title, extents.x, extents.y, extents.width, extents.height),
          flush=True)
    x = extents.x + int(extents.width * across)
    y = extents.y + int(extents.height * down)
    subprocess.run(['xdotool', 'mousemove', str(x), str(y), 'click', '1'], check=True)
    return chart


def widen_and_go_back(frame, count):
    """The round button shows the whole list again; then back to the dashboard."""
    clear = wait_for('the Show the whole list again button',
                     lambda: buttons(frame, 'Show the whole list again'))
    clear[0].queryAction().doAction(0)
    # The outcome filter stays on Graduated: every graduate, not only the bar's.
    wait_for(count + ' listed', lambda: count in labels(frame))
    wait_for('the narrowing gone', lambda: not any(
        text.startswith('Narrowed to') for text in labels(frame)))
    sidebar = find_all(frame, pyatspi.ROLE_LIST, 'Sections')[0]
    sidebar.querySelection().selectChild(0)


def test_category_bar_narrows(app, frame):
    """A category bar lists exactly its 133 graduates; the round button widens the list again."""
    # Seven bars, Genocide convicts the fourth: its middle is the middle of
    # the plot, a little right of the chart's (the value axis takes the
    # left). 133 of 250 fills half the plot's height above the category
    # names, which take the lowest fifth of the chart.
    chart = click_bar(frame, 'Graduates by participant category', 0.52, 0.70)
    if 'Genocide convicts: 133' not in chart.name:
        raise Failure('the category chart does not say 133 Genocide convicts: %r' % chart.name)
    wait_for('133 participants listed', lambda: '133 participants' in labels(frame))
    wait_for('the narrowing written above the list', lambda: (
        'Narrowed to the chart’s bar: Genocide convicts' in labels(frame)))
    widen_and_go_back(frame, '836 participants')


def test_month_bar_narrows(app, frame):
    """A month bar lists exactly the 515 who graduated in May 2024, and says so."""
    # Six months, May the first: its middle at a seventh of the width (the
    # value axis takes the left); 515 of 600 fills most of the plot.
    chart = click_bar(frame, 'Graduates over time', 0.137, 0.70)
    # Month names keep to their year with a no-break space.
    if 'May 2024: 515' not in ' '.join(chart.name.split()):
        raise Failure('the trend chart does not say 515 in May 2024: %r' % chart.name)
    wait_for('515 participants listed', lambda: '515 participants' in labels(frame))
    wait_for('the month written above the list', lambda: (
        'Narrowed to the chart’s bar: graduated in May 2024'
        in [' '.join(text.split()) for text in labels(frame)]))
    widen_and_go_back(frame, '836 participants')


def choose(frame, name, keys):
    """Opens the drop-down named @name and picks an item with @keys."""
    combo = wait_for('the %s drop-down' % name,
                     lambda: find_all(frame, pyatspi.ROLE_COMBO_BOX, name))[0]
    key_to_window(DEMO_TITLE, 'Escape')
    combo.getChildAtIndex(0).queryAction().doAction(0)
    time.sleep(0.5)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', '--delay', '30', *keys, 'Return'],
                   check=True)


def district_chart(frame):
    return next((image.name for image in find_all(frame, pyatspi.ROLE_IMAGE)
                 if image.name.startswith('Graduates by district.')), '')


def test_district_filter(app, frame):
    """The District filter redraws the charts for Musanze alone, and back."""
    choose(frame, 'District', ['Down'])
    wait_for('the district chart of Musanze alone', lambda: 'Musanze: 178' in district_chart(
        frame) and 'Nyabihu' not in district_chart(frame))
    wait_for('the Graduates card at 178', lambda: any(
        text_of(label) == '178' for cards in find_all(frame, pyatspi.ROLE_TABLE, 'Headline figures')
        for label in find_all(cards, pyatspi.ROLE_LABEL, 'Graduates')))
    choose(frame, 'District', ['Home'])
    wait_for('every district again', lambda: 'Nyabihu: 147' in district_chart(frame))


def test_reports(app, frame):
    """The Reports section lists the tables behind the charts."""
    sidebar = wait_for('the sidebar', lambda: find_all(frame, pyatspi.ROLE_LIST, 'Sections'))[0]
    rows = [sidebar.getChildAtIndex(i) for i in range(sidebar.childCount)]
    names = [' '.join(text_of(label) for label in find_all(row, pyatspi.ROLE_LABEL))
             for row in rows]
    if 'Reports' not in names:
        raise Failure('no Reports in the sidebar: %r' % names)
    sidebar.querySelection().selectChild(names.index('Reports'))
    heading = 'Graduates by district, setting, sex and age band'
    wait_for('the breakdown table', lambda: any(
        text_of(label) == heading for label in find_all(frame, pyatspi.ROLE_LABEL)))
    wait_for('a Copy button', lambda: buttons(frame, 'Copy'))


TESTS = [test_dashboard_charts, test_district_filter, test_bar_opens_participants,
         test_category_bar_narrows, test_month_bar_narrows,
         test_presentation, test_autoplay, test_reports]


def main():
    """One run of the app for every test: starting it is the slow part."""
    print('1..%d' % (len(TESTS) + 1), flush=True)
    failed = 0
    run = Run()
    manager = subprocess.Popen(['/usr/bin/python3',
                                os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                             'fake-session-manager.py'), SM_LOG])
    try:
        wait_for('the stand-in session manager', lambda: os.path.exists(SM_LOG)
                 and 'ready' in session_manager_calls())
        run.start('--demo')
        frame = run.frame(DEMO_TITLE)
        wait_for('the Graduates card', lambda: graduates_figure(frame))
        for number, test in enumerate(TESTS, 1):
            description = '%s - %s' % (test.__name__, test.__doc__.splitlines()[0])
            try:
                test(run, frame)
                print('ok %d %s' % (number, description))
            except Skip as skip:
                print('ok %d %s # SKIP %s' % (number, description, skip))
            except Exception as error:
                failed += 1
                print('not ok %d %s' % (number, description))
                print('# %s: %s' % (type(error).__name__, error))
                for line in run.app.log_tail():
                    print('#   app: %s' % line)
            sys.stdout.flush()
        quit_with_ctrl_q(run)
        print('ok %d quit - Ctrl+Q ends the app' % (len(TESTS) + 1))
    except Exception as error:
        failed += 1
        print('not ok %d quit - the app started and ended' % (len(TESTS) + 1))
        print('# %s: %s' % (type(error).__name__, error))
    finally:
        run.close()
        manager.terminate()
        manager.wait()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
