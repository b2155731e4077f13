#!/bin/sh
# Fuzzes one target for a fixed time from a copy of its seed corpus:
#   run-one.sh FUZZER CORPUS_DIR DICT SECONDS
# New inputs go to a scratch copy, never into the repository. A crash
# leaves its input in $FUZZ_ARTIFACTS (default: the build's fuzz-artifacts/).
set -eu
fuzzer=$1 corpus=$2 dict=$3 seconds=$4
work=$(mktemp -d "${TMPDIR:-/tmp}/dateline-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
artifacts=${FUZZ_ARTIFACTS:-$(dirname "$fuzzer")/fuzz-artifacts}
mkdir -p "$work/corpus" "$artifacts"
cp "$corpus"/* "$work/corpus/"
# -error_exitcode=1: libFuzzer's default, 77, is what meson reads as "skipped",
# so a crash found by fuzzing passed for a skip.
set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 -error_exitcode=1 \
       -artifact_prefix="$artifacts/$(basename "$fuzzer")-" -print_final_stats=1
[ -f "$dict" ] && set -- "$@" -dict="$dict"
exec "$fuzzer" "$@" "$work/corpus"
