#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for org.gnome.SessionManager on the test's session bus: it
writes every call it gets (Inhibit, Uninhibit…) as a line to the file named
by its first argument, so that a test can see what GtkApplication asked."""

import sys

from gi.repository import Gio, GLib

XML = '''<node>
 <interface name="org.gnome.SessionManager">
  <method name="RegisterClient">
   <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="o" direction="out"/>
  </method>
  <method name="Inhibit">
   <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
   <arg type="u" direction="in"/><arg type="u" direction="out"/>
  </method>
  <method name="Uninhibit"><arg type="u" direction="in"/></method>
  <method name="IsInhibited"><arg type="u" direction="in"/><arg type="b" direction="out"/></method>
 </interface>
</node>'''

REPLIES = {
    'RegisterClient': GLib.Variant('(o)', ('/org/gnome/SessionManager/Client1',)),
    'Inhibit': GLib.Variant('(u)', (42,)),
    'IsInhibited': GLib.Variant('(b)', (False,)),
}


def main():
    log = open(sys.argv[1], 'a')
    node = Gio.DBusNodeInfo.new_for_xml(XML)

    def on_call(connection, sender, path, interface, method, parameters, invocation):
        log.write('%s %r\n' % (method, parameters.unpack()))
        log.flush()
        invocation.return_value(REPLIES.get(method))

    def on_bus(connection, name):
        connection.register_object('/org/gnome/SessionManager', node.interfaces[0], on_call,
                                   None, None)

    def on_name(connection, name):
        log.write('ready\n')
        log.flush()

    Gio.bus_own_name(Gio.BusType.SESSION, 'org.gnome.SessionManager',
                     Gio.BusNameOwnerFlags.NONE, on_bus, on_name, None)
    GLib.MainLoop().run()


if __name__ == '__main__':
    main()
