#!/usr/bin/python3
# bench-memory.py: memory with a 5,000-word article, Dateline against GNOME
# Text Editor on the same text, read from /proc in one run.
#
# Run inside an X server and a session bus, from the source root:
#   xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
#     /usr/bin/python3 bench/bench-memory.py build [ROUNDS]
#
# For each configuration, in interleaved rounds: start the program on the
# article, let it settle (the preview's web process loads its page), then
# sum over the program and every process it started (WebKit's web and
# network processes) the proportional set size (PSS: shared pages divided
# among the processes sharing them) and the resident set (RSS), and the CPU
# they use while nobody types (5 s). Medians over the rounds.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import bench_setup

BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
WORDS = 5000
SETTLE_S = 12
IDLE_S = 5
make_library = os.path.join(BUILD, "bench", "make-library")
dateline = os.path.join(BUILD, "src", "dateline")
schemas = os.path.join(BUILD, "data")
work = tempfile.mkdtemp(prefix="dateline-memory-")
TICKS = os.sysconf("SC_CLK_TCK")


def environment(data_home, settings=""):
    return bench_setup.environment(work, schemas, data_home, settings)


def tree(root):
    """The process and all its descendants, from /proc."""
    children = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = open("/proc/%s/stat" % pid).read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(pid))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def memory_kb(pid):
    values = {}
    try:
        for line in open("/proc/%d/smaps_rollup" % pid):
            parts = line.split()
            if parts[0] in ("Rss:", "Pss:"):
                values[parts[0][:-1]] = int(parts[1])
    except OSError:
        pass
    return values.get("Pss", 0), values.get("Rss", 0)


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        try:
            stat = open("/proc/%d/stat" % pid).read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        total += int(fields[11]) + int(fields[12])
    return total


def name(pid):
    try:
        return open("/proc/%d/comm" % pid).read().strip()
    except OSError:
        return "?"


def measure(command, env):
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(SETTLE_S)
        pids = tree(process.pid)
        before = cpu_ticks(pids)
        time.sleep(IDLE_S)
        idle_cpu = 100.0 * (cpu_ticks(pids) - before) / TICKS / IDLE_S
        pss = rss = 0
        ui_pss, ui_rss = memory_kb(process.pid)
        parts = []
        for pid in pids:
            p, r = memory_kb(pid)
            pss += p
            rss += r
            parts.append("%s %.0f" % (name(pid), p / 1024))
        return {"pss": pss / 1024, "rss": rss / 1024, "ui_rss": ui_rss / 1024, "ui_pss": ui_pss / 1024,
                "cpu": idle_cpu, "processes": len(pids), "parts": ", ".join(parts)}
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        time.sleep(1)


text_path = os.path.join(work, "article.md")
with open(text_path, "w", encoding="utf-8") as f:
    f.write(bench_setup.article_text(WORDS))
library = os.path.join(work, "library")
uuid = subprocess.run([make_library, os.path.join(library, "dateline"), "10", "400", text_path],
                      check=True, capture_output=True, text=True).stdout.split()[0]
last = "last-article='%s'\n" % uuid

configs = {
    "gnome-text-editor": lambda: measure(["gnome-text-editor", "--standalone", text_path], environment(None)),
    "Dateline, preview shown": lambda: measure(
        [dateline], environment(library, last + "preview-visible=true\ndetails-visible=false\n")),
    "Dateline, preview hidden": lambda: measure(
        [dateline], environment(library, last + "preview-visible=false\ndetails-visible=false\n")),
}
results = {name: [] for name in configs}
for _ in range(ROUNDS):
    for config, run in configs.items():
        results[config].append(run())

print("Memory with a 5,000-word article, %d rounds, medians (MB; CPU while idle for %d s)" % (ROUNDS, IDLE_S))
med = {}
for config, runs in results.items():
    med[config] = {key: statistics.median(r[key] for r in runs) for key in ("pss", "rss", "ui_rss", "ui_pss", "cpu")}
    m = med[config]
    print("%-26s total PSS %6.1f  total RSS %6.1f  UI process RSS %6.1f  idle CPU %4.1f%%  (%d processes: %s)"
          % (config, m["pss"], m["rss"], m["ui_rss"], m["cpu"], runs[-1]["processes"], runs[-1]["parts"]))
print()
print("Dateline with the preview, total PSS: %.1f MB (target <= 200)" % med["Dateline, preview shown"]["pss"])
print("UI process with the preview hidden / gnome-text-editor, RSS: %.2f (target <= 1.2)"
      % (med["Dateline, preview hidden"]["ui_rss"] / med["gnome-text-editor"]["ui_rss"]))
shutil.rmtree(work, ignore_errors=True)
