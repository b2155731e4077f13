#!/usr/bin/python3
# bench-startup.py: launch → first frame, Dateline vs GNOME Text Editor, and a
# library of 10 vs 10,000 articles, all measured in one run with the same
# external timer (bench/first-frame: XDamage on the new top-level window).
#
# Run inside an X server and a session bus, from the source root:
#   xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
#     /usr/bin/python3 bench/bench-startup.py build [RUNS] [OTHER_BUILD]
#
# OTHER_BUILD (say, a build of the previous commit) is measured in the same
# interleaved rounds, for a before/after that shares its noise.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

import bench_setup

BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
OTHER = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
WORDS = 5000
timer = os.path.join(BUILD, "bench", "first-frame")
make_library = os.path.join(BUILD, "bench", "make-library")
dateline = os.path.join(BUILD, "src", "dateline")
schemas = os.path.join(BUILD, "data")
work = tempfile.mkdtemp(prefix="dateline-bench-")


def make_library_dir(name, n):
    data_home = os.path.join(work, name)
    uuid = subprocess.run([make_library, os.path.join(data_home, "dateline"), str(n), "400", text_path],
                          check=True, capture_output=True, text=True).stdout.split()[0]
    return data_home, uuid


def environment(data_home, last_article=None, schema_dir=None):
    return bench_setup.environment(work, schema_dir or schemas, data_home,
                                   "last-article='%s'\n" % last_article if last_article else "")


def first_frame(command, env):
    out = subprocess.run([timer] + command, env=env, capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError("%s: %s" % (command[0], out.stderr.strip()))
    return float(out.stdout.strip().splitlines()[-1])


text_path = os.path.join(work, "article.md")
with open(text_path, "w", encoding="utf-8") as f:
    f.write(bench_setup.article_text(WORDS))

lib10, uuid10 = make_library_dir("lib10", 10)
lib10000, uuid10000 = make_library_dir("lib10000", 10000)

configs = {
    "gnome-text-editor, 5,000 words": lambda: first_frame(
        ["gnome-text-editor", "--standalone", text_path], environment(None)),
    "Dateline, 5,000 words, 10 articles": lambda: first_frame(
        [dateline], environment(lib10, uuid10)),
    "Dateline, 5,000 words, 10,000 articles": lambda: first_frame(
        [dateline], environment(lib10000, uuid10000)),
}
if OTHER is not None:
    configs["Dateline of OTHER_BUILD, 10 articles"] = lambda: first_frame(
        [os.path.join(OTHER, "src", "dateline")],
        environment(lib10, uuid10, os.path.join(OTHER, "data")))

# One warm-up each (page cache, font cache), then interleaved rounds so that
# drift in the machine's load affects every program alike.
for run in configs.values():
    run()
results = {name: [] for name in configs}
for _ in range(RUNS):
    for name, run in configs.items():
        results[name].append(run())

medians = {name: statistics.median(values) for name, values in results.items()}
for name, values in results.items():
    print("%-42s median %7.1f ms   (%s)" % (name, medians[name], ", ".join("%.0f" % v for v in values)))

gte = medians["gnome-text-editor, 5,000 words"]
d10 = medians["Dateline, 5,000 words, 10 articles"]
d10k = medians["Dateline, 5,000 words, 10,000 articles"]
print()
print("Dateline / gnome-text-editor (5,000 words): %.2f  (target <= 0.85)" % (d10 / gte))
print("10,000 articles / 10 articles:              %.2f  (target <= 1.10)" % (d10k / d10))
if OTHER is not None:
    other = medians["Dateline of OTHER_BUILD, 10 articles"]
    print("OTHER_BUILD / gnome-text-editor:            %.2f" % (other / gte))
    print("this build / OTHER_BUILD:                   %.2f" % (d10 / other))

shutil.rmtree(work, ignore_errors=True)
