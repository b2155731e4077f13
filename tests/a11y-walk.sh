#!/bin/sh
# Usage: a11y-walk.sh DATELINE DATELINE_CLI
# Starts the application on a scratch library holding an article with a
# dateline, credits, tags and an embargo, and walks its accessibility tree
# (a11y-walk.py): every button, entry, toggle and list row must have a
# name. Needs a display and a session bus (the ui suite has both).
set -eu
app=$1 cli=$2
here=$(dirname "$0")
export XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) XDG_STATE_HOME=$(mktemp -d) XDG_CACHE_HOME=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"' EXIT
unset GTK_A11Y
export GSETTINGS_BACKEND=memory
id=$("$cli" new --headline "Belarus, China discuss business prospects" --standfirst "Cooperation in Minsk." \
       --place Minsk --source BelTA --category Economy --tag Belarus --tag China)
"$cli" set "$id" --status ready --embargo "2031-05-08 10:06" >/dev/null
"$cli" new --headline "Harvest campaign starts in Gomel region" --place Gomel >/dev/null
"$app" &
pid=$!
# Debian's Python, which has pyatspi (not a python3 earlier in PATH).
/usr/bin/python3 "$here/a11y-walk.py" "$pid" 30
