#!/bin/sh
# Usage: check-mime.sh MIME_XML
# Builds a private MIME database from our package file alone and asks GIO
# (the code path Nautilus and GTK use) which type it gives to a *.dateline
# file, and to an article saved without an extension (magic sniffing).
set -u
mime_xml=$1
if ! command -v update-mime-database >/dev/null || ! command -v gio >/dev/null; then
  echo "update-mime-database or gio not installed" >&2
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data/mime/packages"
# The system database supplies application/json and text/plain as fallbacks.
cp "$mime_xml" "$tmp/data/mime/packages/dateline.xml"
XDG_DATA_HOME="$tmp/data" update-mime-database "$tmp/data/mime" || exit 1

article='{
  "format" : "dateline-article",
  "version" : 1,
  "headline" : "Belarus, China discuss business prospects"
}'
printf '%s\n' "$article" > "$tmp/story.dateline"
printf '%s\n' "$article" > "$tmp/story"
printf '{ "title": "not an article" }\n' > "$tmp/other"

type_of() {
  XDG_DATA_HOME="$tmp/data" XDG_DATA_DIRS="${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
    gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}

status=0
for f in story.dateline story; do
  got=$(type_of "$tmp/$f")
  if [ "$got" != "application/x-dateline-article" ]; then
    echo "$f: expected application/x-dateline-article, got '$got'" >&2; status=1
  else
    echo "$f: $got"
  fi
done
got=$(type_of "$tmp/other")
if [ "$got" = "application/x-dateline-article" ]; then
  echo "other JSON wrongly typed as a Dateline article" >&2; status=1
else
  echo "other: $got"
fi
exit $status
