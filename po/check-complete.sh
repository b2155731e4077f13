#!/bin/sh
# Fails when a language listed as complete in po/COMPLETE has a message of
# today's sources untranslated or fuzzy: the template is made afresh from
# POTFILES.in (as `ninja dateline-pot` does, the same xgettext options) and
# merged into each .po in a temporary folder; nothing in po/ is changed.
#
# Usage: check-complete.sh SOURCE_ROOT
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root"
xgettext --package-name=dateline -f po/POTFILES.in -D "$root" -o "$tmp/dateline.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_set_error:4:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format
total=$(grep -c '^msgid ' "$tmp/dateline.pot")
failed=0
for lang in $(grep -v '^#' po/COMPLETE); do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/dateline.pot" -o "$tmp/$lang.po"
  missing=$(msgattrib --untranslated "$tmp/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy "$tmp/$lang.po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too when anything is printed.
  [ "$missing" -gt 0 ] && missing=$((missing - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  if [ "$missing" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    echo "$lang: $missing untranslated and $fuzzy fuzzy of $((total - 1)) messages; first ones:"
    msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid ' | sed -n '2,6p'
    failed=1
  else
    echo "$lang: complete ($((total - 1)) messages)"
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "Languages in po/COMPLETE must stay at 100%: update them (docs/TRANSLATING.md) or take them off the list."
fi
exit $failed
