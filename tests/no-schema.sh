#!/bin/sh
# Usage: no-schema.sh DATELINE
# A copy of the program outside its build tree, on a system where its
# settings schema is not installed (a broken installation): it must say
# so in one plain line and exit, not open a half-working window or hang.
set -eu
app=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$app" "$dir/dateline"
unset GSETTINGS_SCHEMA_DIR
export XDG_DATA_DIRS=$dir/nothing XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config \
  XDG_STATE_HOME=$dir/state XDG_CACHE_HOME=$dir/cache GSETTINGS_BACKEND=memory
status=0
timeout 30 "$dir/dateline" >"$dir/out" 2>"$dir/err" || status=$?
cat "$dir/err"
if [ "$status" = 124 ]; then echo "FAIL: it did not exit"; exit 1; fi
grep -q "settings schema io.github.dateline.Dateline is not installed" "$dir/err" \
  || { echo "FAIL: no message about the schema"; exit 1; }
if grep -q CRITICAL "$dir/err"; then echo "FAIL: criticals"; exit 1; fi
echo "ok: a clear message, status $status"
