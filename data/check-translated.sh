#!/bin/sh
# Usage: check-translated.sh DESKTOP METAINFO MIME
# Fails unless every merged data file carries the Russian and Belarusian
# strings: proves the .in files are in POTFILES.in, the languages are in
# LINGUAS and merge_file really ran over them.
set -u
desktop=$1 metainfo=$2 mime=$3
status=0
for lang in ru be; do
  for key in Name GenericName Comment Keywords; do
    if ! grep -q "^$key\[$lang\]=" "$desktop"; then
      echo "$desktop: no $key[$lang]" >&2; status=1
    fi
  done
  for tag in summary caption; do
    if ! grep -q "<$tag xml:lang=\"$lang\">" "$metainfo"; then
      echo "$metainfo: no <$tag xml:lang=\"$lang\">" >&2; status=1
    fi
  done
  if ! grep -q "<p xml:lang=\"$lang\">" "$metainfo"; then
    echo "$metainfo: description not translated to $lang" >&2; status=1
  fi
  if ! grep -q "<comment xml:lang=\"$lang\">" "$mime"; then
    echo "$mime: comment not translated to $lang" >&2; status=1
  fi
done
# "Dateline" is a brand: a translation may only repeat it, and the
# developer name is marked translate="no".
if grep '<name xml:lang=' "$metainfo" | grep -qv '>Dateline</name>'; then
  echo "$metainfo: the application or developer name got translated:" >&2
  grep '<name xml:lang=' "$metainfo" | grep -v '>Dateline</name>' >&2
  status=1
fi
exit $status
