#!/bin/bash
# wp-down.sh RUN_DIR — stop everything wp-up.sh started for RUN_DIR and delete RUN_DIR.
#
# Only processes recorded in RUN_DIR's PID files are touched, and only if their command line
# still names RUN_DIR (a PID file can outlive its process, and PIDs get reused). Safe to call
# twice, on a half-started run (after wp-up.sh failed), or on a run whose web server was
# stopped with stop-server.sh.
# Env: DATELINE_WP_DOWN_KEEP=1  stop the processes but keep RUN_DIR (logs, database files);
#                               wp-up.sh uses it when it fails, so the logs can be read.
# No "set -e": the teardown goes on past a step that fails, and reports it at the end.
set -uo pipefail

RUN=${1:?usage: wp-down.sh RUN_DIR}
[ -e "$RUN" ] || exit 0 # already gone
# The marker keeps a mistyped argument from making us rm -rf somebody else's directory.
[ -f "$RUN/.dateline-wordpress-run" ] ||
    { echo "wp-down: $RUN is not a run directory made by wp-up.sh; leaving it alone" >&2; exit 1; }
RUN=$(cd "$RUN" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
STATUS=0

members() { # live processes of group $1 that belong to this run (see stop-server.sh)
    ps -e -ww -o pid=,pgid=,stat=,args= 2>/dev/null |
        awk -v g="$1" -v r="$RUN" '$2 == g && $3 !~ /^Z/ && index($0, r) { print $1 }'
}

# stop_group PIDFILE SIGNAL SECONDS: send SIGNAL to the process group in PIDFILE (every
# process was started with setsid, so PID == PGID), wait up to SECONDS, then SIGKILL.
stop_group() {
    local file=$1 sig=$2 secs=$3 pgid i
    [ -f "$file" ] || return 0
    pgid=$(cat "$file")
    if [ -n "$pgid" ] && [ -n "$(members "$pgid")" ]; then
        kill "-$sig" -- "-$pgid" 2>/dev/null || true
        for ((i = 0; i < secs * 20; i++)); do
            [ -z "$(members "$pgid")" ] && break
            sleep 0.05
        done
        if [ -n "$(members "$pgid")" ]; then
            echo "wp-down: process group $pgid ignored SIG$sig for ${secs} s; killing it" >&2
            kill -KILL -- "-$pgid" 2>/dev/null || true
            sleep 0.2
            if [ -n "$(members "$pgid")" ]; then
                echo "wp-down: process group $pgid survived SIGKILL" >&2
                return 1
            fi
        fi
    fi
    rm -f "$file"
}

# Web server first, so that no request is still writing to the database while it shuts down.
"$HERE/stop-server.sh" "$RUN" || STATUS=1
# mariadb-install-db is only still running when wp-up.sh was interrupted early; its output is
# useless then, so it gets no grace period.
stop_group "$RUN/install-db.pid" KILL 1 || STATUS=1
# SIGTERM is mariadbd's orderly shutdown (it takes a fraction of a second on this tiny
# database); SIGKILL only if it hangs.
stop_group "$RUN/db.pid" TERM 30 || STATUS=1

if [ "$STATUS" != 0 ]; then
    echo "wp-down: some processes of $RUN could not be stopped; keeping the directory" >&2
    exit 1
fi
# A long RUN_DIR gets its sockets in a short directory elsewhere (see wp-up.sh).
if [ -f "$RUN/socket-dir" ]; then
    SOCKDIR=$(cat "$RUN/socket-dir")
    if [ -f "$SOCKDIR/.dateline-wordpress-sockets" ]; then
        rm -rf -- "$SOCKDIR"
    fi
fi
[ "${DATELINE_WP_DOWN_KEEP:-0}" = 1 ] || rm -rf -- "$RUN"
exit 0
