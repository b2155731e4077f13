#!/bin/bash
# Usage: data/screenshots/take-screenshots.sh BUILD_DIR [OUT_DIR]
# Takes the software centre's screenshots (the metainfo's <screenshots>)
# from the real app, built in BUILD_DIR, in English, on a virtual X server
# at 1366x768: the BelTA story of ../shared/samples with its dateline,
# credits and live preview; the publish dialog; find in the story. The
# library is a scratch one; nothing of the user's is read or written.
# Needs xvfb-run, xdotool and ImageMagick's import (.ci/install-deps).
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ -z "${DATELINE_SCREENSHOT_DISPLAY:-}" ]; then
  export DATELINE_SCREENSHOT_DISPLAY=1
  exec xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session -- "$0" "$@"
fi

scratch=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$scratch"' EXIT
export HOME=$scratch/home XDG_DATA_HOME=$scratch/data XDG_CONFIG_HOME=$scratch/config \
  XDG_STATE_HOME=$scratch/state XDG_CACHE_HOME=$scratch/cache
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"
export GSETTINGS_BACKEND=memory GSK_RENDERER=cairo LC_ALL=C.UTF-8 LANGUAGE=en TZ=Europe/Minsk
cli=$build/src/cli/dateline-cli

# The sample story as a .dateline file: body from the sample's article text.
python3 - "$here/../../../shared/samples/belta-2025-05-08-belarus-china.txt" "$scratch/belta.dateline" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
start = next(i for i, l in enumerate(lines) if l.startswith('MINSK, 8 May (BelTA) - '))
end = next(i for i, l in enumerate(lines) if l.startswith('Follow us on'))
paras = [l for l in lines[start:end] if l.strip()]
paras[0] = paras[0][len('MINSK, 8 May (BelTA) - '):]
article = {
  "format": "dateline-article", "version": 1,
  "uuid": "6f1c2d3e-8a4b-4c5d-9e6f-7a8b9c0d1e2f",
  "created": "2025-05-08T10:06:00+03:00", "modified": "2025-05-08T10:06:00+03:00",
  "status": "ready",
  "headline": "Belarus, China discuss business prospects",
  "standfirst": "Business circles of Belarus and Shandong Province agreed on business missions and pilot projects in green energy and engineering.",
  "dateline": {"place": "Minsk", "country": "Belarus", "date": "2025-05-08T10:06:00+03:00",
               "time_zone": "Europe/Minsk", "source": "BelTA", "style": "belta"},
  "credits": [{"role": "photo", "name": "", "text": "courtesy of the BelCCI"}],
  "category": "Economy", "tags": ["Belarus", "China", "BelCCI"],
  "language": "en",
  "target_words": 400,
  "body": "\n\n".join(paras) + "\n",
}
json.dump(article, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
PY
# A library that looks lived in: a few more stories, in other states.
"$cli" new --headline "Minsk hosts the Belarusian Industrial Forum" --place Minsk --source BelTA --category Economy >/dev/null
"$cli" new --headline "Grain harvest ahead of last year in Brest region" --place Brest --source BelTA --category Society >/dev/null
id=$("$cli" new --headline "National Library opens a Chinese reading room" --place Minsk --source BelTA --category Culture)
"$cli" set "$id" --status ready >/dev/null
"$cli" import "$scratch/belta.dateline" >/dev/null
touch "$XDG_DATA_HOME/dateline/6f1c2d3e-8a4b-4c5d-9e6f-7a8b9c0d1e2f.dateline"

"$build/src/dateline" "$XDG_DATA_HOME/dateline/6f1c2d3e-8a4b-4c5d-9e6f-7a8b9c0d1e2f.dateline" &
app=$!
window=$(xdotool search --sync --onlyvisible --name "Belarus, China" | head -1)
# No window manager under Xvfb: place and size the window by hand.
xdotool windowmove "$window" 0 0 windowsize "$window" 1366 768
sleep 2
# The root window: dialogs are windows of their own, over the main one.
shot () { import -window root "$out/$1"; echo "screenshot: $out/$1"; }
# The live preview beside the text (Ctrl+Shift+P), scrolled to the top.
xdotool windowfocus --sync "$window" key ctrl+shift+p
sleep 6   # the preview's web process and its first page
shot editor.png

# The publish dialog, from its shortcut, while writing.
xdotool mousemove 700 600 click 1
sleep 0.5
xdotool key ctrl+Return
sleep 1
# A window manager would centre the dialog over its window.
dialog=$(xdotool search --sync --onlyvisible --name '^Publish' | head -1)
eval "$(xdotool getwindowgeometry --shell "$dialog")"
xdotool windowmove "$dialog" $(( (1366 - WIDTH) / 2 )) $(( (768 - HEIGHT) / 2 ))
sleep 1
shot publish.png
xdotool key Escape
sleep 1

# Find in the story.
xdotool key ctrl+f
sleep 0.5
xdotool type --delay 40 "Belarus"
sleep 1.5
shot find.png
