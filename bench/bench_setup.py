# bench_setup.py: what bench-startup.py and bench-memory.py set up alike:
# the 5,000-word text from the sample article beside the source tree, and
# a fresh home for each launch.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import tempfile

# The sample article beside the source tree (../shared/samples), found
# from this file, never from a fixed path of one machine.
SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(os.path.dirname(SOURCE_ROOT), "shared", "samples",
                      "belta-2025-05-08-belarus-china.txt")


def article_text(words):
    """The BelTA sample's article text, repeated to @words words."""
    text = ""
    if os.path.exists(SAMPLE):
        lines = open(SAMPLE, encoding="utf-8").read().splitlines()
        start = next((i for i, l in enumerate(lines) if l.startswith("MINSK,")), 0)
        end = next((i for i, l in enumerate(lines) if "partnership ties" in l), len(lines) - 1)
        text = "\n".join(lines[start:end + 1])
    if not text.strip():
        text = "The parties discussed trade and economic cooperation. " * 20
    parts = text.split(" ")
    out = []
    while len(out) < words:
        out.extend(parts)
    return " ".join(out[:words]) + "\n"


def environment(work, schema_dir, data_home, settings=""):
    """A fresh HOME and XDG folders under @work; @settings, lines of the
    Dateline schema's keys, go into a keyfile the keyfile backend reads
    (so a fresh process starts with, say, its last article open)."""
    home = tempfile.mkdtemp(prefix="home-", dir=work)
    config = os.path.join(home, "config")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    if settings:
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
            f.write("[io/github/dateline/Dateline]\n" + settings)
    runtime = os.path.join(home, "runtime")
    os.makedirs(runtime, mode=0o700)
    env = dict(os.environ)
    env.update({
        "HOME": home,
        "XDG_CONFIG_HOME": config,
        "XDG_DATA_HOME": data_home or os.path.join(home, "data"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "XDG_STATE_HOME": os.path.join(home, "state"),
        "XDG_RUNTIME_DIR": runtime,
        "GSETTINGS_BACKEND": "keyfile",
        "GSETTINGS_SCHEMA_DIR": schema_dir,
        "GSK_RENDERER": "cairo",
        "NO_AT_BRIDGE": "1",
    })
    return env
