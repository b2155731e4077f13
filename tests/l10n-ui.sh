#!/bin/sh
# Usage: l10n-ui.sh DATELINE DATELINE_CLI BUILD_PO_DIR LANGUAGE
# Starts the window from the build tree in LANGUAGE (LC_ALL=C.UTF-8 and
# LANGUAGE, which works where the locale is not generated), with an
# article open, and checks over AT-SPI that what it shows and says is in
# that language (l10n-walk.py). No installed catalogue is involved: the
# program must find the build tree's.
set -eu
app=$1 cli=$2 podir=$3 lang=$4
here=$(dirname "$0")
export XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) XDG_STATE_HOME=$(mktemp -d) XDG_CACHE_HOME=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"' EXIT
# As a translator runs it: nothing tells the program where its catalogues,
# settings schema or preview module are; it finds the build tree's.
unset GTK_A11Y DATELINE_LOCALEDIR GSETTINGS_SCHEMA_DIR DATELINE_PREVIEW_MODULE
export GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8 LANGUAGE=$lang
id=$("$cli" new --headline "Belarus, China discuss business prospects" --place Minsk --source BelTA)
"$cli" set "$id" --status ready >/dev/null
# --new: an article open in the editor, the library beside it.
"$app" --new &
pid=$!
/usr/bin/python3 "$here/l10n-walk.py" "$pid" "$podir" "$lang"
