#!/bin/sh
# Usage: check-potfiles.sh [SOURCE_ROOT]
# Fails when a file under src/ has translatable strings (_(), C_(), N_(),
# NC_(), ngettext, or translatable="yes" in a .ui file) but is missing from
# po/POTFILES.in, or when POTFILES.in lists a file that does not exist.
# A missing entry means the strings silently stay English in every language.
set -u
root=${1:-$(dirname "$0")/..}
cd "$root" || exit 2
potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
  echo "$potfiles not found in $(pwd)" >&2
  exit 2
fi

listed=$(mktemp)
trap 'rm -f "$listed"' EXIT
# Entries: non-empty lines that are not comments, surrounding spaces removed.
sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$potfiles" \
  | grep -v '^$' | sort -u > "$listed"

status=0

while IFS= read -r f; do
  if [ ! -f "$f" ]; then
    echo "$potfiles lists $f, which does not exist" >&2
    status=1
  fi
done < "$listed"

# \b keeps g_strdup_(...) or foo_( from counting; the macros may be followed
# by spaces before the parenthesis (GNU style).
c_files=$(grep -rlE --include='*.c' --include='*.h' \
  '(^|[^A-Za-z0-9_])(_|C_|N_|NC_|Q_|g_dngettext|g_dpgettext2?|ngettext)[[:space:]]*\(' src 2>/dev/null)
ui_files=$(grep -rl --include='*.ui' 'translatable="yes"' src 2>/dev/null)

for f in $c_files $ui_files; do
  if ! grep -qxF "$f" "$listed"; then
    echo "$f has translatable strings but is missing from $potfiles" >&2
    status=1
  fi
done

if [ $status -eq 0 ]; then
  echo "$potfiles is complete ($(wc -l < "$listed") files)"
fi
exit $status
