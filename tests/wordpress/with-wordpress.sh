#!/bin/bash
# with-wordpress.sh COMMAND [ARGS...] — run COMMAND against a fresh throw-away WordPress.
#
# Starts one with wp-up.sh in a new temporary directory, exports the DATELINE_TEST_WORDPRESS_*
# variables of its env file (see wp-up.sh), runs COMMAND, tears the site down whatever
# happens, and exits with COMMAND's status. Meant as a meson test wrapper, e.g.
#   test('publish', find_program('tests/wordpress/with-wordpress.sh'), args: [test_exe])
#
# Exit status: COMMAND's; 77 (meson's "skipped") when the WordPress packages are not
# installed, or 1 then if DATELINE_REQUIRE_WORDPRESS=1 (CI sets it, so that a broken setup
# cannot pass as a skip); 1 when the site fails to start; 128+N on signal N.
# Env: everything wp-up.sh reads (DATELINE_WP_PLUGIN=0 for a stock site, ...), and
#      DATELINE_WP_KEEP=1  stop the site but keep its directory (logs, uploads, database files)
#                          for a post-mortem; its path is printed.
#
# Not "set -e": COMMAND's failure is a result to pass on, not a reason to stop early.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then
    echo "usage: with-wordpress.sh COMMAND [ARGS...]" >&2
    exit 2
fi

if ! why=$("$HERE/wp-up.sh" --check 2>&1); then
    if [ "${DATELINE_REQUIRE_WORDPRESS:-0}" = 1 ]; then
        echo "with-wordpress: FAIL: WordPress test server required but $why" >&2
        exit 1
    fi
    echo "with-wordpress: SKIP: no WordPress test server: $why" >&2
    echo "with-wordpress: (Debian: apt-get install wordpress mariadb-server php-cli php-mysql curl)" >&2
    exit 77
fi

RUN=$(mktemp -d "${TMPDIR:-/tmp}/dateline-wp.XXXXXX") || exit 1
touch "$RUN/.dateline-wordpress-run" # from now on wp-down.sh may remove it (see wp-up.sh)

# A watchdog in a session of its own tears the site down if this script disappears without
# running its traps (SIGKILL, e.g. a test harness's last resort after a timeout). It is started
# before wp-up.sh, which is when the first server processes appear.
# shellcheck disable=SC2016 # $1 and $2 are for the inner bash
setsid bash -c 'while kill -0 "$1" 2> /dev/null; do sleep 0.5; done; exec "$2" "$3"' \
    watchdog "$$" "$HERE/wp-down.sh" "$RUN" < /dev/null > /dev/null 2>&1 &
WATCHDOG=$!

CHILD=
PHASE=startup
SIGNALLED=0
# shellcheck disable=SC2317 # called from the traps
teardown() {
    trap - EXIT INT TERM HUP
    if [ "$SIGNALLED" = 1 ]; then
        # The harness that signalled us may SIGKILL our whole process group soon (meson does
        # after 0.5 s): leave the teardown to the watchdog, which is out of its reach.
        return
    fi
    # Its whole process group (setsid), so that its "sleep" goes too.
    kill -- "-$WATCHDOG" 2> /dev/null || kill "$WATCHDOG" 2> /dev/null
    if [ "${DATELINE_WP_KEEP:-0}" = 1 ]; then
        DATELINE_WP_DOWN_KEEP=1 "$HERE/wp-down.sh" "$RUN" &&
            echo "with-wordpress: site stopped, its files kept in $RUN" >&2
    else
        "$HERE/wp-down.sh" "$RUN"
    fi || echo "with-wordpress: warning: teardown of $RUN failed; see above" >&2
}
# shellcheck disable=SC2317 # called from the traps
on_signal() { # $1 signal number
    SIGNALLED=1
    # TERM, whatever we got: a background child of a non-interactive shell ignores SIGINT.
    [ -z "$CHILD" ] || kill -TERM "$CHILD" 2> /dev/null
    # wp-up.sh stops what it started when it gets TERM (a fraction of a second). Let it finish,
    # or the watchdog could clean up while wp-up.sh is still starting a process.
    [ "$PHASE" != startup ] || wait "$CHILD"
    exit $((128 + $1))
}
trap teardown EXIT
trap 'on_signal 2' INT
trap 'on_signal 15' TERM
trap 'on_signal 1' HUP

# Children run in the background and are waited for, because bash runs a trap only once the
# foreground command has finished: a TERM must reach us while COMMAND is still running. A
# background job's stdin would be /dev/null, so COMMAND gets ours explicitly through fd 3
# (if we have one: a harness may start us with stdin closed).
if { true <&0; } 2> /dev/null; then exec 3<&0; else exec 3< /dev/null; fi
"$HERE/wp-up.sh" "$RUN" < /dev/null 3<&- &
CHILD=$!
wait "$CHILD"
status=$?
CHILD=
if [ "$status" != 0 ]; then
    echo "with-wordpress: FAIL: the WordPress test server did not start" \
        "(its directory is removed now; DATELINE_WP_KEEP=1 keeps it)" >&2
    exit 1
fi

# shellcheck source=/dev/null # written by wp-up.sh: "export DATELINE_TEST_WORDPRESS_...=..."
. "$RUN/env"

PHASE=running
"$@" <&3 3<&- &
CHILD=$!
wait "$CHILD"
status=$?
CHILD=
exit "$status"
