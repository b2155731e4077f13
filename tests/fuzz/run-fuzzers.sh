#!/bin/bash
# Fuzzes every target for SECONDS each (default 600), two at a time:
#   tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET...]
# Builds _build-fuzz with clang, ASan and UBSan first. Prints, per target,
# the inputs executed, the CPU time and any finding; a finding leaves its
# input in _build-fuzz/tests/fuzz/fuzz-artifacts/ (add it to the target's
# corpus/ once fixed, so every build replays it).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(article-file ninjs-import html-to-markdown renderer dateline-pattern)

if [ ! -f _build-fuzz/build.ninja ]; then
  CC=clang meson setup _build-fuzz -Dui=false -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false || exit 1
fi
ninja -C _build-fuzz || exit 1

logs=$(mktemp -d "${TMPDIR:-/tmp}/dateline-fuzz-logs.XXXXXX")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
printf '%s\n' "${targets[@]}" | xargs -P 2 -I{} sh -c \
  'tests/fuzz/run-one.sh _build-fuzz/tests/fuzz/fuzz-{} tests/fuzz/corpus/{} tests/fuzz/dict/{}.dict '"$seconds"' > '"$logs"'/{}.log 2>&1; echo $? > '"$logs"'/{}.status'

status=0
printf '%-18s %12s %10s  %s\n' target executions "cpu s" result
for t in "${targets[@]}"; do
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$t.log" | grep -o '[0-9]*$')
  cpu=$(grep -o 'stat::slowest_unit_time_sec' "$logs/$t.log" >/dev/null; awk '/Done [0-9]+ runs in/ {print $(NF-1)}' "$logs/$t.log")
  rc=$(cat "$logs/$t.status")
  result=ok
  if [ "$rc" != 0 ]; then result="FINDING (see $logs/$t.log)"; status=1; fi
  printf '%-18s %12s %10s  %s\n' "$t" "${runs:-?}" "${cpu:-?}" "$result"
done
exit $status
