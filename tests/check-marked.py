#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a string that reaches the screen is not marked for translation:
in .ui files, a visible text property without translatable="yes"; in C, a
string literal handed straight to a function that shows text."""

import glob
import os
import re
import sys

top = os.environ.get('HS_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..'))
VISIBLE = ('label', 'title', 'subtitle', 'description', 'placeholder-text', 'tooltip-text',
           'text', 'heading', 'body', 'button-label', 'section-name-title')
# Texts that are the same in every language.
ALLOWED = {'Healing Spaces', '—', '·', '…', '/', '0', '%', '1', '2'}
problems = []

prop = re.compile(r'<(property|attribute) name="(%s)"([^>]*)>([^<]*)</\1>' % '|'.join(VISIBLE))
for path in sorted(glob.glob(os.path.join(top, 'ui', '*.ui'))):
    for number, line in enumerate(open(path, encoding='utf-8'), 1):
        for m in prop.finditer(line):
            attrs, text = m.group(3), m.group(4).strip()
            if 'translatable="yes"' in attrs or not re.search(r'[A-Za-z]{2}', text):
                continue
            if text in ALLOWED:
                continue
            problems.append('%s:%d: "%s" is shown but not translatable' %
                            (os.path.relpath(path, top), number, text))

setters = re.compile(r'\b(gtk_label_set_text|gtk_label_set_markup|gtk_button_set_label|'
                     r'gtk_window_set_title|adw_status_page_set_title|'
                     r'adw_status_page_set_description|adw_preferences_row_set_title|'
                     r'adw_action_row_set_subtitle|adw_toast_new|adw_window_title_set_title|'
                     r'adw_window_title_set_subtitle|gtk_widget_set_tooltip_text|'
                     r'adw_expander_row_set_subtitle|gtk_editable_set_text|'
                     r'adw_preferences_group_set_title|adw_preferences_group_set_description)'
                     r'\s*\(([^,;()"]*(?:\([^()]*\))?[^,;()"]*),\s*"([^"]*)"\s*\)')
for path in sorted(glob.glob(os.path.join(top, 'app', 'ui', '*.c'))):
    source = open(path, encoding='utf-8').read()
    for m in setters.finditer(source):
        text = m.group(3)
        if re.search(r'[A-Za-z]{2}', text) and text not in ALLOWED:
            number = source.count('\n', 0, m.start()) + 1
            problems.append('%s:%d: "%s" is shown but not translatable' %
                            (os.path.relpath(path, top), number, text))
    for m in re.finditer(r'\badw_toast_new\s*\(\s*"([^"]*)"', source):
        number = source.count('\n', 0, m.start()) + 1
        problems.append('%s:%d: toast "%s" is not translatable' %
                        (os.path.relpath(path, top), number, m.group(1)))

for problem in problems:
    print(problem)
print('%d unmarked strings' % len(problems))
sys.exit(1 if problems else 0)
