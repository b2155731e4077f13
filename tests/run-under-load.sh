#!/bin/bash
# Usage: tests/run-under-load.sh [RUNS] [BUILD_DIR]
# Runs the whole test suite of BUILD_DIR (default _build, already built)
# RUNS times in a row (default 10) while two CPU-bound processes compete
# for the cores, each run in a fresh sandbox (HOME, XDG dirs) under Xvfb
# and a private D-Bus session, as .ci/test does. Prints one line per run
# and a total; exits non-zero if any run had a failure. A suite that
# flakes under load blocks every landing (docs/RELIABILITY.md).
set -uo pipefail
runs=${1:-10}
build=${2:-_build}
cd "$(dirname "$0")/.." || exit 2

hogs=()
for _ in 1 2; do
  ( while :; do :; done ) &
  hogs+=($!)
done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT

failed_runs=0
for i in $(seq 1 "$runs"); do
  sb=$(mktemp -d "${TMPDIR:-/tmp}/dateline-load.XXXXXX")
  mkdir -p "$sb"/{home,run,cache,data,config,state}
  chmod 700 "$sb/run"
  start=$(date +%s)
  env HOME="$sb/home" XDG_RUNTIME_DIR="$sb/run" XDG_CACHE_HOME="$sb/cache" \
      XDG_DATA_HOME="$sb/data" XDG_CONFIG_HOME="$sb/config" XDG_STATE_HOME="$sb/state" \
      GSK_RENDERER=cairo \
      xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
      meson test -C "$build" --no-rebuild --print-errorlogs > "$sb/log" 2>&1
  rc=$?
  ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$sb/log")
  fail=$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' "$sb/log")
  timeout=$(sed -n 's/^Timeout: *\([0-9]*\).*/\1/p' "$sb/log")
  subtests=$(grep -o '[0-9]* subtests passed' "$sb/log" | awk '{s += $1} END {print s + 0}')
  crashes=$(grep -c 'the web process ended during payload' "$build/meson-logs/testlog.txt" || true)
  echo "run $i: ${ok:-?} tests ok (${subtests} subtests), ${fail:-?} failed, ${timeout:-?} timed out," \
       "web process crashes ${crashes}, $(( $(date +%s) - start )) s, exit $rc"
  if [ "$rc" -ne 0 ]; then
    failed_runs=$((failed_runs + 1))
    cp "$sb/log" "${TMPDIR:-/tmp}/dateline-load-failed-$i.log"
    echo "  log kept in ${TMPDIR:-/tmp}/dateline-load-failed-$i.log"
  fi
  fusermount -u "$sb/run/doc" 2>/dev/null
  rm -rf "$sb"
done
echo "$runs runs under two CPU hogs: $((runs - failed_runs)) clean, $failed_runs with failures"
[ "$failed_runs" -eq 0 ]
