#!/usr/bin/python3
"""Walks the running Dateline's accessibility tree through AT-SPI and fails
on any control a screen reader could not name.

Usage: a11y-walk.py PID [SECONDS]

Waits up to SECONDS (default 30) for the process to appear on the AT-SPI
bus with its window, then visits every object below it. A push button,
toggle button, check box, radio button, switch, entry, spin button, combo
box, slider, link, menu item, list item or editable text without a name
(after trimming; GTK's fallback of the type's name, "GtkEntry", is none)
is reported with the names of its ancestors, so it can be found; the exit
status is the number of such controls (capped at 100), 0 when all are
named. GTK 4.8 never sets SHOWING, so hidden controls are walked too, which
is stricter, not looser. Text views with content are named by it; only
editable text without a name counts.
"""

import re
import sys
import time

import pyatspi

CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LINK, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_LIST_ITEM,
}
# GTK 4 maps GtkSwitch to ROLE_SWITCH where pyatspi knows it.
if hasattr(pyatspi, "ROLE_SWITCH"):
    CONTROLS.add(pyatspi.ROLE_SWITCH)


def find_app(pid, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:
                pass
        time.sleep(0.5)
    return None


# GTK 4.8 names what has no name after its type ("GtkImage", "GtkEntry"):
# a screen reader would read that out, so it counts as no name.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Dl|WebKit|GtkSource)[A-Z][A-Za-z]*$")


def name_of(obj):
    try:
        name = (obj.name or "").strip()
    except Exception:
        return ""
    return "" if TYPE_NAME.match(name) else name


def has_named_descendant(obj, depth):
    if depth == 0:
        return False
    for i in range(obj.childCount):
        try:
            child = obj.getChildAtIndex(i)
        except Exception:
            continue
        if name_of(child) or has_named_descendant(child, depth - 1):
            return True
    return False


def walk(obj, path, found, counts, depth=0):
    if obj is None or depth > 80:
        return
    try:
        role = obj.getRole()
    except Exception:
        return
    counts["all"] += 1
    here = name_of(obj)
    editable = False
    if role == pyatspi.ROLE_TEXT:
        try:
            editable = obj.getState().contains(pyatspi.STATE_EDITABLE)
        except Exception:
            editable = False
    if role in CONTROLS or editable:
        counts["controls"] += 1
        editable_text = editable or role in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
                                             pyatspi.ROLE_SPIN_BUTTON)
        if not here:
            inside = ", ".join("%s %r" % (obj.getChildAtIndex(i).getRoleName(), obj.getChildAtIndex(i).name)
                               for i in range(min(obj.childCount, 3)))
            label = "%s in %s (holding: %s)" % (obj.getRoleName(), " › ".join(p for p in path if p) or "the window",
                                               inside or "nothing")
            if editable_text or role != pyatspi.ROLE_LIST_ITEM or obj.childCount == 0:
                found.append(label)
            elif not has_named_descendant(obj, 3):
                # A list row is read by what it holds, when it holds text.
                found.append(label)
    for i in range(obj.childCount):
        try:
            child = obj.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, path + [here], found, counts, depth + 1)


def main():
    pid = int(sys.argv[1])
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 30
    app = find_app(pid, seconds)
    if app is None:
        print("Bail out! process %d never appeared on the accessibility bus" % pid)
        return 100
    # Let the window fill in (the library, the article).
    time.sleep(2)
    found, counts = [], {"all": 0, "controls": 0}
    walk(app, [], found, counts)
    print("# %d accessible objects, %d controls, %d without a name" % (counts["all"], counts["controls"], len(found)))
    for label in found:
        print("unnamed: %s" % label)
    if counts["controls"] < 20:
        print("Bail out! only %d controls: the window was not walked" % counts["controls"])
        return 100
    return min(len(found), 100)


if __name__ == "__main__":
    sys.exit(main())
