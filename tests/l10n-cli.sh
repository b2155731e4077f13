#!/bin/sh
# Usage: l10n-cli.sh DATELINE_CLI BUILD_PO_DIR
# dateline-cli from the build tree speaks German with LANGUAGE=de (and
# LC_ALL=C.UTF-8, no generated locale needed): its --help and an error
# message are the catalogue's translations (looked up with gettext(1) in
# the build's catalogue), not the English.
set -eu
cli=$1 podir=$2
unset DATELINE_LOCALEDIR
export LC_ALL=C.UTF-8
library=$(mktemp -d)
trap 'rm -rf "$library"' EXIT
tr () { TEXTDOMAINDIR=$podir LANGUAGE=de gettext dateline "$1"; }

summary="Work with the Dateline article library."
help=$(LANGUAGE=de "$cli" --help)
expected=$(tr "$summary")
[ "$expected" != "$summary" ] || { echo "not ok: the catalogue has no German for the summary"; exit 1; }
printf '%s\n' "$help" | grep -qF "$expected" || { echo "not ok: --help is not in German:"; printf '%s\n' "$help" | head -5; exit 1; }
printf '%s\n' "$help" | grep -qF "$summary" && { echo "not ok: --help still has the English summary"; exit 1; }
echo "ok: --help says “$expected”"

error=$(LANGUAGE=de "$cli" --library "$library" show abcdef 2>&1 >/dev/null || true)
english=$(LANGUAGE= LC_ALL=C "$cli" --library "$library" show abcdef 2>&1 >/dev/null || true)
[ "$error" != "$english" ] || { echo "not ok: the error is not translated: $error"; exit 1; }
printf '%s\n' "$error" | grep -q 'Kein Artikel' || { echo "not ok: not German: $error"; exit 1; }
echo "ok: the error says “$error”"
