#!/usr/bin/python3
"""The accessibility walk must catch what it is for: a window with 24
named buttons, one icon-only button without a name and one unnamed entry
gives exit status 2 and names both (run by the ui suite, should_fail)."""

import os
import subprocess
import sys

import gi
gi.require_version("Gtk", "4.0")
from gi.repository import GLib, Gtk  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))


def on_activate(app):
    window = Gtk.ApplicationWindow(application=app, title="Selftest")
    box = Gtk.Box(orientation=Gtk.Orientation.VERTICAL)
    for i in range(24):
        box.append(Gtk.Button(label="Named %d" % i))
    box.append(Gtk.Button(icon_name="edit-find-symbolic"))
    box.append(Gtk.Entry())
    window.set_child(box)
    window.present()

    def walk():
        result = subprocess.run(["/usr/bin/python3", os.path.join(here, "a11y-walk.py"), str(os.getpid()), "20"],
                                capture_output=True, text=True)
        sys.stdout.write(result.stdout)
        app.status = result.returncode
        # Back to the main thread to quit.
        GLib.idle_add(app.quit)

    # The walk runs in another process while this one answers it.
    import threading
    threading.Thread(target=walk, daemon=True).start()


app = Gtk.Application(application_id="io.github.dateline.A11ySelftest")
app.status = 100
app.connect("activate", on_activate)
app.run([])
ok = app.status == 2
print("selftest: exit %d from the walk, %s" % (app.status, "as expected" if ok else "expected 2"))
sys.exit(0 if ok else 1)
