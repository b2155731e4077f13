#!/bin/bash
# stop-server.sh RUN_DIR — stop only the web server (php -S) of a WordPress started by
# wp-up.sh, leaving its database running and its port reserved in RUN_DIR/port, so that a test
# can simulate "the site went down in the middle of a publish" and later bring it back with
# start-server.sh RUN_DIR on the same URL. Requests in flight are cut off (php -S does not
# finish them on SIGTERM), which is what a crashing or restarted server does to a client.
#
# Safe to call when the server is already stopped. wp-down.sh uses it too.
set -euo pipefail

RUN=${1:?usage: stop-server.sh RUN_DIR}
[ -f "$RUN/.dateline-wordpress-run" ] ||
    { echo "stop-server: $RUN is not a run directory made by wp-up.sh" >&2; exit 1; }
RUN=$(cd "$RUN" && pwd)
[ -f "$RUN/web.pid" ] || exit 0 # never started, or already stopped
PGID=$(cat "$RUN/web.pid")

# Live members of process group $1 that belong to this run. Zombies do not count (nothing may
# reap them promptly in a container); neither does a process that merely reuses an old PGID
# (it would not have our run directory on its command line).
members() {
    ps -e -ww -o pid=,pgid=,stat=,args= 2>/dev/null |
        awk -v g="$1" -v r="$RUN" '$2 == g && $3 !~ /^Z/ && index($0, r) { print $1 }'
}

# php -S was started with setsid, so its PID is also its process group. The whole group must
# go: with PHP_CLI_SERVER_WORKERS the forked workers keep the socket open and go on answering
# if only the parent is killed.
if [ -n "$PGID" ] && [ -n "$(members "$PGID")" ]; then
    kill -TERM -- "-$PGID" 2>/dev/null || true
    for _ in $(seq 1 60); do # up to 3 s, then no more politeness
        [ -z "$(members "$PGID")" ] && break
        sleep 0.05
    done
    if [ -n "$(members "$PGID")" ]; then
        kill -KILL -- "-$PGID" 2>/dev/null || true
        for _ in $(seq 1 40); do
            [ -z "$(members "$PGID")" ] && break
            sleep 0.05
        done
    fi
    if [ -n "$(members "$PGID")" ]; then
        echo "stop-server: php -S (process group $PGID) would not die" >&2
        exit 1
    fi
fi
rm -f "$RUN/web.pid"
