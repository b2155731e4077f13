#!/usr/bin/python3
"""Checks that the running Dateline speaks the language it was started in.

Usage: l10n-walk.py PID LOCALEDIR LANGUAGE

Walks the window's accessibility tree over AT-SPI (as a11y-walk.py does)
and collects every name a user sees or hears: labels, buttons, the
accessible names of controls. For a set of the window's strings, the
translation is looked up in the catalogue the build made
(LOCALEDIR/LANGUAGE/LC_MESSAGES/dateline.mo): each must appear, and the
English original must not. So the test fails when the program does not
load the catalogue (the build tree's, not an installed one), when a
widget is not translated, or when a translation is missing.
"""

import gettext
import importlib.util
import os
import sys

import pyatspi

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("a11y_walk", os.path.join(here, "a11y-walk.py"))
walk = importlib.util.module_from_spec(spec)
spec.loader.exec_module(walk)

# Seen in the main window with an article open: labels and accessible names.
STRINGS = [
    ("Library", None), ("Search articles", None), ("Move article to trash", None), ("New article", None),
    ("Main menu", None), ("Story details", None), ("Headline", None), ("Standfirst", None),
    ("Article text", None), ("Bold", None), ("Find and replace", None),
    ("All Articles", "status filter"), ("Ready", "article status, short"),
]


def names(obj, out, depth=0):
    if obj is None or depth > 80:
        return
    try:
        name = (obj.name or "").strip()
        if name:
            out.add(name)
        for i in range(obj.childCount):
            names(obj.getChildAtIndex(i), out, depth + 1)
    except Exception:
        return


def main():
    pid, localedir, language = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    catalogue = gettext.translation("dateline", localedir=localedir, languages=[language])
    app = walk.find_app(pid, 30)
    if app is None:
        print("Bail out! process %d never appeared on the accessibility bus" % pid)
        return 100
    seen = set()
    import time
    time.sleep(2)
    names(app, seen)
    problems = 0
    for msgid, context in STRINGS:
        translated = catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)
        if translated == msgid:
            print("not ok: no %s translation of “%s” in the catalogue" % (language, msgid))
            problems += 1
        elif translated not in seen:
            print("not ok: “%s” (%s for “%s”) is not in the window" % (translated, language, msgid))
            problems += 1
        elif msgid in seen:
            print("not ok: the window still says “%s” in English" % msgid)
            problems += 1
        else:
            print("ok: “%s” → “%s”" % (msgid, translated))
    # Texts that must (or must not) be part of some name: the story's
    # dateline, dates (l10n-ui.sh --russian-story).
    for text in filter(None, os.environ.get("L10N_EXPECT", "").split("|")):
        if any(text in name for name in seen):
            print("ok: “%s” is in the window" % text)
        else:
            print("not ok: “%s” is not in the window" % text)
            problems += 1
    for text in filter(None, os.environ.get("L10N_REJECT", "").split("|")):
        found = [name for name in seen if text in name]
        if found:
            print("not ok: the window says “%s” (in “%s”)" % (text, found[0]))
            problems += 1
        else:
            print("ok: nowhere “%s”" % text)
    print("# %d names seen in %s, %d problems" % (len(seen), language, problems))
    return min(problems, 100)


if __name__ == "__main__":
    sys.exit(main())
