#!/bin/sh
# Usage: l10n-ui.sh DATELINE DATELINE_CLI BUILD_PO_DIR LANGUAGE [--russian-story]
# Starts the window from the build tree in LANGUAGE (LC_ALL=C.UTF-8 and
# LANGUAGE, which works where the locale is not generated), with an
# article open, and checks over AT-SPI that what it shows and says is in
# that language (l10n-walk.py). No installed catalogue is involved: the
# program must find the build tree's.
# --russian-story: the article open is a Russian one; the interface must
# stay in LANGUAGE (labels, the library's dates) while the story's
# dateline is Russian ("МИНСК, 8 мая (БелТА) -").
set -eu
app=$1 cli=$2 podir=$3 lang=$4 story=${5:-}
here=$(dirname "$0")
export XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) XDG_STATE_HOME=$(mktemp -d) XDG_CACHE_HOME=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"' EXIT
# As a translator runs it: nothing tells the program where its catalogues,
# settings schema or preview module are; it finds the build tree's.
unset GTK_A11Y DATELINE_LOCALEDIR GSETTINGS_SCHEMA_DIR DATELINE_PREVIEW_MODULE
export GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8 LANGUAGE=$lang
if [ "$story" = --russian-story ]; then
  file=$XDG_STATE_HOME/story.dateline
  cat > "$file" <<'JSON'
{
  "format": "dateline-article", "version": 1,
  "uuid": "3d7c1a52-6b0e-4f6e-9c1d-2a4b5c6d7e8f",
  "created": "2025-05-08T10:06:00+03:00", "modified": "2025-05-08T10:06:00+03:00",
  "status": "ready",
  "headline": "Беларусь и Китай обсудили перспективы делового сотрудничества",
  "dateline": {"place": "Минск", "date": "2025-05-08T10:06:00+03:00", "time_zone": "Europe/Minsk",
               "source": "БелТА", "style": "belta"},
  "language": "ru",
  "body": "Минское отделение БелТПП провело встречу.\n"
}
JSON
  "$app" "$file" &
  pid=$!
  # The dateline in the story's language; the library's date of the
  # story in the interface's (German here), never English or Russian.
  export L10N_EXPECT="МИНСК, 8 мая (БелТА) -|8. Mai 2025" L10N_REJECT="8 May 2025|8 мая 2025"
else
  id=$("$cli" new --headline "Belarus, China discuss business prospects" --place Minsk --source BelTA)
  "$cli" set "$id" --status ready >/dev/null
  # --new: an article open in the editor, the library beside it.
  "$app" --new &
  pid=$!
fi
/usr/bin/python3 "$here/l10n-walk.py" "$pid" "$podir" "$lang"
