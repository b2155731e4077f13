#!/bin/bash
# start-server.sh RUN_DIR — start the web server (php -S) of a WordPress made by wp-up.sh, on
# the port recorded in RUN_DIR/port, and return once it listens. wp-up.sh uses it for the first
# start; tests use it after stop-server.sh to bring a "crashed" site back on the same URL (the
# database kept running meanwhile, so everything published before is still there).
#
# Exit status: 0 listening (also when it already was), 3 the port is taken by someone else
# (wp-up.sh then retries with another port), 1 any other failure.
# Env: DATELINE_WP_WORKERS  number of php -S worker processes (default 4), so that a slow
#      request (an image upload making thumbnails) does not hold up the others.
set -euo pipefail

RUN=${1:?usage: start-server.sh RUN_DIR}
[ -f "$RUN/.dateline-wordpress-run" ] ||
    { echo "start-server: $RUN is not a run directory made by wp-up.sh" >&2; exit 1; }
RUN=$(cd "$RUN" && pwd)
PORT=$(cat "$RUN/port")
LOG=$RUN/web.log

members() { # live processes of group $1 that belong to this run (see stop-server.sh)
    ps -e -ww -o pid=,pgid=,stat=,args= 2>/dev/null |
        awk -v g="$1" -v r="$RUN" '$2 == g && $3 !~ /^Z/ && index($0, r) { print $1 }'
}
if [ -f "$RUN/web.pid" ] && [ -n "$(members "$(cat "$RUN/web.pid")")" ]; then
    echo "start-server: already running on 127.0.0.1:$PORT" >&2
    exit 0
fi

# The log is appended to across restarts (a test may want to see what happened before the
# "crash"); only what this start writes counts below.
touch "$LOG"
FROM=$(($(stat -c %s "$LOG") + 1))
new_log() { tail -c "+$FROM" "$LOG"; }

# setsid: a process group of its own, so that stop-server.sh can kill the workers with the
# parent, and so that a ^C meant for the caller's foreground job does not hit the server.
# The small sh wrapper records the PID before exec'ing php; it stays valid whether or not
# setsid had to fork. Only 127.0.0.1 is bound. display_errors=0: PHP 8.2 deprecation notices
# from WordPress 6.1 would otherwise be printed into JSON responses; they go to a log instead.
# opcache.enable_cli: php -S is the CLI SAPI, where OPcache is off by default; the workers are
# forked after it is set up and share it, which makes each REST request much cheaper.
# shellcheck disable=SC2016 # $$, $1 and $@ are for the inner sh
PHP_CLI_SERVER_WORKERS=${DATELINE_WP_WORKERS:-4} \
    setsid sh -c 'echo "$$" > "$1"; shift; exec "$@"' sh "$RUN/web.pid" \
    php -S "127.0.0.1:$PORT" -t "$RUN/wp" \
    -d display_errors=0 -d log_errors=1 -d error_log="$RUN/php-errors.log" \
    -d memory_limit=256M -d upload_max_filesize=64M -d post_max_size=64M \
    -d opcache.enable_cli=1 \
    "$RUN/router.php" >> "$LOG" 2>&1 < /dev/null &
SPAWNED=$!

# php -S prints "Development Server (http://…) started" once listen() succeeded: from then on
# the kernel queues connections even before a worker accepts them.
for _ in $(seq 1 200); do # up to 10 s (a loaded CI machine)
    if new_log | grep -qF "Development Server (http://127.0.0.1:$PORT) started"; then
        # Keep env in step for scripts that read the PIDs from there.
        if [ -f "$RUN/env" ]; then
            sed -i "s/^export DATELINE_TEST_WORDPRESS_WEB_PGID=.*/export DATELINE_TEST_WORDPRESS_WEB_PGID='$(cat "$RUN/web.pid")'/" "$RUN/env"
        fi
        exit 0
    fi
    if new_log | grep -qE "Failed to listen|Address already in use"; then
        wait "$SPAWNED" 2>/dev/null || true
        rm -f "$RUN/web.pid"
        echo "start-server: port 127.0.0.1:$PORT is taken by another process" >&2
        exit 3
    fi
    if ! kill -0 "$SPAWNED" 2>/dev/null; then
        break
    fi
    sleep 0.05
done
echo "start-server: php -S did not start on 127.0.0.1:$PORT; end of $LOG:" >&2
new_log | tail -n 20 >&2
"$(dirname "$0")/stop-server.sh" "$RUN" || true
exit 1
