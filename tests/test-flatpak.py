#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest as far as an offline machine can: the
manifest parses (and flatpak-builder reads it, when installed), it builds on a
GNOME runtime with GTK >= 4.8 and libadwaita >= 1.2, every downloaded source
is pinned by a sha256, and the sandbox asks for no more than it needs."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

top = os.environ.get('HS_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..'))
path = os.path.join(top, 'flatpak', 'io.github.healingspaces.HealingSpaces.json')
results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))


manifest = json.load(open(path))
check('app id', manifest['id'] == 'io.github.healingspaces.HealingSpaces')
check('command', manifest['command'] == 'healing-spaces')
# GNOME 43 ships GTK 4.8 and libadwaita 1.2, the versions the code is pinned to.
check('runtime', manifest['runtime'] == 'org.gnome.Platform'
      and int(manifest['runtime-version']) >= 43, manifest['runtime-version'])
allowed = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}
extra = set(manifest['finish-args']) - allowed
check('finish-args minimal (no network, no host files)', not extra, ' '.join(sorted(extra)))

names = [m['name'] for m in manifest['modules']]
check('module names unique', len(names) == len(set(names)))
check('app built last', names[-1] == 'healing-spaces')
for module in manifest['modules']:
    for source in module['sources']:
        if source['type'] in ('archive', 'file'):
            check('%s pinned' % module['name'],
                  re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')) is not None
                  and source['url'].startswith('https://'), source.get('url', ''))

builder = shutil.which('flatpak-builder')
if builder:
    # Run elsewhere: flatpak-builder leaves a .flatpak-builder folder behind.
    shown = subprocess.run([builder, '--show-manifest', path], capture_output=True, text=True,
                           cwd=tempfile.mkdtemp(prefix='hs-flatpak-'))
    check('flatpak-builder --show-manifest', shown.returncode == 0 and
          json.loads(shown.stdout)['id'] == manifest['id'], shown.stderr.strip())

print('1..%d' % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print('%s %d %s%s' % ('ok' if ok else 'not ok', i, name, (' # ' + detail) if not ok and detail
                          else ''))
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
