#!/bin/sh
# Usage: check-flatpak-manifest.sh MANIFEST
# Parses the manifest the way flatpak-builder does, without a runtime. With
# G_DEBUG=fatal-warnings an unknown key, a wrong type or an unknown source
# type becomes a failure instead of a warning.
set -u
manifest=$1
if ! command -v flatpak-builder >/dev/null; then
  echo "flatpak-builder is not installed: skipping" >&2
  exit 77
fi
out=$(G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" 2>&1)
rc=$?
if [ $rc -ne 0 ]; then
  printf '%s\n' "$out" >&2
  echo "flatpak-builder --show-manifest failed with exit code $rc" >&2
  exit 1
fi
# What --show-manifest cannot catch: archives without a checksum, which
# fail only at build time.
if ! python3 - "$manifest" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
bad = 0
def walk(modules):
    global bad
    for mod in modules:
        if isinstance(mod, str):
            continue
        if not mod.get('name'):
            print('a module has no name'); bad = 1
        for src in mod.get('sources', []):
            if isinstance(src, dict) and src.get('type') in ('archive', 'file') \
               and 'url' in src and not src.get('sha256'):
                print(f"module {mod.get('name')}: {src['url']} has no sha256"); bad = 1
        walk(mod.get('modules', []))
walk(m.get('modules', []))
if m.get('command') != 'dateline':
    print('command is not dateline'); bad = 1
sys.exit(bad)
PY
then
  exit 1
fi
echo "manifest OK"
