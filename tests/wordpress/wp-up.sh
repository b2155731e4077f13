#!/bin/bash
# wp-up.sh RUN_DIR — start a throw-away, real WordPress for Dateline's publishing tests.
#
# It runs Debian's "wordpress" package (6.1 on Debian 12) from a private document root, with a
# private MariaDB (own data directory, reachable only over a Unix socket) and PHP's built-in web
# server on 127.0.0.1 at a free port. Nothing outside RUN_DIR is written, no system service is
# used, and nothing but 127.0.0.1 is bound, so several instances can run side by side.
#
# When it returns 0 the REST API has answered an authenticated request, and RUN_DIR/env holds
#   DATELINE_TEST_WORDPRESS_URL                      http://127.0.0.1:PORT
#   DATELINE_TEST_WORDPRESS_USER / _APP_PASSWORD     "editor", an administrator
#   DATELINE_TEST_WORDPRESS_CONTRIBUTOR_USER / _CONTRIBUTOR_APP_PASSWORD
#                                                    "contributor", role contributor
#   DATELINE_TEST_WORDPRESS_LOGIN_PASSWORD           editor's wp-login password (REST refuses it)
#   DATELINE_TEST_WORDPRESS_COMPANION                1 if the companion plugin is active, else 0
#   DATELINE_TEST_WORDPRESS_RUN_DIR, _PORT, _VERSION, _WEB_PGID, _DB_PID, _DB_SOCKET
# as "export NAME='value'" lines: ". RUN_DIR/env" in any shell.
# Stop it with wp-down.sh RUN_DIR; with-wordpress.sh does both around a command.
#
#   wp-up.sh --check    only check that the needed packages are installed (exit 1 if not)
#
# Env: DATELINE_WP_PLUGIN=0    do not install data/wordpress/dateline-companion: a stock site
#      DATELINE_WP_TIMEZONE=Z  the site's time zone (default UTC), e.g. Europe/Minsk
#      DATELINE_WP_PORT=N      use this port instead of a free one picked at random
#      DATELINE_WP_WORKERS=N   php -S worker processes (default 4)
#      DATELINE_WP_VERBOSE=1   print the time each step took
# Needs (Debian): wordpress mariadb-server php-cli php-mysql curl (php-gd for thumbnails).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PLUGIN_SRC=$HERE/../../data/wordpress/dateline-companion
WP_CORE=/usr/share/wordpress # Debian's package; its own wp-config.php is not usable, see below
MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd) # /usr/sbin is not in every PATH

# ---- what must be installed --------------------------------------------------------------------
check_prerequisites() {
    local missing=()
    [ -f "$WP_CORE/wp-settings.php" ] || missing+=("wordpress ($WP_CORE)")
    [ -x "$MARIADBD" ] || missing+=("mariadb-server (mariadbd)")
    command -v mariadb-install-db > /dev/null || missing+=("mariadb-server (mariadb-install-db)")
    command -v mariadb-admin > /dev/null || missing+=("mariadb-client (mariadb-admin)")
    if ! command -v php > /dev/null; then
        missing+=("php-cli (php)")
    elif ! php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' 2> /dev/null; then
        missing+=("php-mysql (PHP's mysqli extension)")
    fi
    command -v curl > /dev/null || missing+=("curl")
    command -v setsid > /dev/null || missing+=("util-linux (setsid)")
    command -v ps > /dev/null || missing+=("procps (ps)")
    if [ ${#missing[@]} -gt 0 ]; then
        local IFS=,
        echo "not installed: ${missing[*]}" | sed 's/,/, /g'
        return 1
    fi
}
if [ "${1:-}" = --check ]; then
    check_prerequisites
    exit
fi

RUN=${1:?usage: wp-up.sh RUN_DIR   (or: wp-up.sh --check)}
WITH_PLUGIN=${DATELINE_WP_PLUGIN:-1}
case $WITH_PLUGIN in 0 | 1) ;; *)
    echo "wp-up: DATELINE_WP_PLUGIN must be 0 or 1" >&2
    exit 1
    ;;
esac
if ! why=$(check_prerequisites); then
    echo "wp-up: cannot start WordPress: $why" >&2
    exit 1
fi
if [ "$WITH_PLUGIN" = 1 ] && [ ! -f "$PLUGIN_SRC/dateline-companion.php" ]; then
    echo "wp-up: companion plugin not found in $PLUGIN_SRC" >&2
    exit 1
fi

mkdir -p "$RUN"
RUN=$(cd "$RUN" && pwd)
# The marker may be there already: with-wordpress.sh sets it at once on its new directory, so
# that an interrupt before this point still lets wp-down.sh remove the directory.
if [ -n "$(find "$RUN" -mindepth 1 -maxdepth 1 ! -name .dateline-wordpress-run -print -quit)" ]; then
    echo "wp-up: $RUN is not empty; give a new or empty directory" >&2
    exit 1
fi
touch "$RUN/.dateline-wordpress-run" # wp-down.sh only deletes directories that carry this

T0=$EPOCHREALTIME
elapsed() { # seconds since start, e.g. 1.84
    local now=${EPOCHREALTIME/[.,]/} then=${T0/[.,]/}
    local ms=$(((now - then) / 1000))
    printf '%d.%02d' $((ms / 1000)) $((ms % 1000 / 10))
}
step() { [ "${DATELINE_WP_VERBOSE:-0}" != 1 ] || echo "wp-up: [$(elapsed) s] $*" >&2; }

# On any failure: say what failed, show the relevant log, stop whatever was started already,
# and keep RUN_DIR for its logs (wp-down.sh removes it later).
OK=0
FAIL_LOG=
die() {
    echo "wp-up: $1" >&2
    FAIL_LOG=${2:-}
    exit 1
}
on_exit() {
    local status=$?
    [ "$OK" = 1 ] && return
    [ "$status" != 0 ] || status=1
    if [ -n "$FAIL_LOG" ] && [ -s "$FAIL_LOG" ]; then
        echo "wp-up: last lines of $FAIL_LOG:" >&2
        tail -n 25 "$FAIL_LOG" | sed 's/^/    /' >&2
    fi
    DATELINE_WP_DOWN_KEEP=1 "$HERE/wp-down.sh" "$RUN" || true
    echo "wp-up: FAILED after $(elapsed) s; nothing left running; logs in $RUN" >&2
    exit "$status"
}
trap on_exit EXIT
trap 'die "interrupted"' INT TERM HUP

# ---- 1. MariaDB data directory (in the background: it is the slowest step) ---------------------
# A Unix socket path must fit in sun_path (108 bytes). A deep RUN_DIR (a CI workspace) gets
# its socket in a short directory of its own under /tmp instead.
SOCK=$RUN/mysql.sock
if [ ${#SOCK} -gt 100 ]; then
    SOCKDIR=$(mktemp -d /tmp/dlwp.XXXXXX)
    touch "$SOCKDIR/.dateline-wordpress-sockets"
    echo "$SOCKDIR" > "$RUN/socket-dir"
    SOCK=$SOCKDIR/mysql.sock
fi

# mariadb-install-db runs the server in bootstrap mode, where the grant tables are not loaded
# and CREATE USER fails ("ERROR 1290 ... --skip-grant-tables"); FLUSH PRIVILEGES loads them. Making
# the database and its user here saves a client round trip after the server is up.
cat > "$RUN/init.sql" << 'EOF'
FLUSH PRIVILEGES;
CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'localhost';
EOF
# Options shared by mariadb-install-db and mariadbd. --no-defaults: ignore /etc/mysql/*, the
# system server's settings. --user: mariadbd refuses to run as root unless told to, and as any
# other user this is simply that user. The data are thrown away after the test, so durability
# is traded for speed: no flush at each commit, no doublewrite buffer, a small redo log and pool.
# --tmpdir: its own. MariaDB names temporary tables #sql-temptable-PID-…, and servers started at
# the same moment in different PID namespaces (or reusing a PID) overwrote and removed each
# other's files in the shared /tmp: "Unknown table 'mysql.tmp_user_sys'", a failed install about
# one start in ten when two tests started their sites together.
mkdir -p "$RUN/db-tmp"
DB_OPTS=(--no-defaults --user="$(id -un)" --datadir="$RUN/db" --tmpdir="$RUN/db-tmp" --skip-name-resolve
    --innodb-buffer-pool-size=32M --innodb-log-file-size=16M
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci)
# Own process group (setsid) so that wp-down.sh can stop it together with the server it runs.
# The ( ...; exit ) subshell is there so that, if it is killed, bash's "Killed ..." notice goes
# to the log rather than to the terminal.
(
    # shellcheck disable=SC2016 # $$, $1 and $@ are for the inner sh
    setsid sh -c 'echo "$$" > "$1"; shift; exec "$@"' sh "$RUN/install-db.pid" \
        mariadb-install-db "${DB_OPTS[@]}" --auth-root-authentication-method=socket \
        --skip-test-db --extra-file="$RUN/init.sql"
    exit
) > "$RUN/install-db.log" 2>&1 < /dev/null &
INSTALL_DB=$!

# ---- 2. private document root (while the database is being made) -------------------------------
# Debian's /usr/share/wordpress/wp-config.php reads /etc/wordpress/config-<host>.php, one global
# file per host name, and points wp-content at the shared /var/lib/wordpress. So the run gets
# a document root of its own: its own wp-config.php and wp-content, the package's code for the
# rest. PHP resolves symbolic links in __DIR__, so every entry point that finds wp-load.php
# relative to itself must be a real copy (otherwise it would load Debian's wp-config.php): the
# top-level files and wp-admin's scripts are copied (about 1.5 MB); the big directories
# (wp-includes, wp-admin/includes, css, js, ...) are symbolic links.
mkdir -p "$RUN/wp/wp-admin" "$RUN/wp/wp-content/plugins" "$RUN/wp/wp-content/themes" \
    "$RUN/wp/wp-content/uploads"
top_files=()
for f in "$WP_CORE"/*; do
    case ${f##*/} in
        wp-config.php | wp-content | wp-admin) ;;
        *) if [ -d "$f" ]; then ln -s "$f" "$RUN/wp/"; else top_files+=("$f"); fi ;;
    esac
done
cp -t "$RUN/wp" "${top_files[@]}"
admin_files=()
for f in "$WP_CORE"/wp-admin/*; do
    case ${f##*/} in
        network | user) cp -r "$f" "$RUN/wp/wp-admin/" ;; # entry points that require ../admin.php
        *) if [ -d "$f" ]; then ln -s "$f" "$RUN/wp/wp-admin/"; else admin_files+=("$f"); fi ;;
    esac
done
cp -t "$RUN/wp/wp-admin" "${admin_files[@]}"
for theme in "$WP_CORE"/wp-content/themes/*; do
    [ -d "$theme" ] && ln -s "$theme" "$RUN/wp/wp-content/themes/"
done
# The plugin is copied as a site administrator would install it, not linked to the source tree.
if [ "$WITH_PLUGIN" = 1 ]; then
    cp -r "$PLUGIN_SRC" "$RUN/wp/wp-content/plugins/dateline-companion"
fi
cp "$HERE/router.php" "$RUN/router.php" # the run directory is self-contained for start-server.sh
step "document root ready"

# ---- 3. web server on a free port --------------------------------------------------------------
# The kernel picks a free port (bind to port 0); php -S then binds it. Someone else can take
# it in between, so a busy port (start-server.sh exits 3) means: pick another one.
free_port() {
    # shellcheck disable=SC2016 # PHP code
    php -r '$s = stream_socket_server("tcp://127.0.0.1:0", $e, $m) or exit(1);
            echo substr(strrchr(stream_socket_get_name($s, false), ":"), 1);'
}
PORT=
for _ in 1 2 3 4 5; do
    candidate=${DATELINE_WP_PORT:-$(free_port)} || die "could not find a free port"
    echo "$candidate" > "$RUN/port"
    rc=0
    "$HERE/start-server.sh" "$RUN" || rc=$?
    if [ "$rc" = 0 ]; then
        PORT=$candidate
        break
    fi
    if [ "$rc" != 3 ] || [ -n "${DATELINE_WP_PORT:-}" ]; then
        die "could not start php -S" "$RUN/web.log"
    fi
done
[ -n "$PORT" ] || die "no free port found after 5 tries"
URL=http://127.0.0.1:$PORT
step "php -S listening on $URL"

# ---- 4. wp-config.php --------------------------------------------------------------------------
# Random keys and salts (cookies and nonces are signed with them), cut from one base64 blob.
SALT=$(head -c 384 /dev/urandom | base64 -w 0)
salt() { printf '%s' "${SALT:$(($1 * 64)):64}"; }
cat > "$RUN/wp/wp-config.php" << EOF
<?php
// Written by Dateline's tests/wordpress/wp-up.sh for a throw-away test site.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:$SOCK'); // "localhost:/path": the Unix socket; no TCP at all
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
\$table_prefix = 'wp_';
define('AUTH_KEY', '$(salt 0)');
define('SECURE_AUTH_KEY', '$(salt 1)');
define('LOGGED_IN_KEY', '$(salt 2)');
define('NONCE_KEY', '$(salt 3)');
define('AUTH_SALT', '$(salt 4)');
define('SECURE_AUTH_SALT', '$(salt 5)');
define('LOGGED_IN_SALT', '$(salt 6)');
define('NONCE_SALT', '$(salt 7)');
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
// Application passwords need HTTPS unless the site says it is a local one; with "production"
// a correct application password over http gets 401 rest_not_logged_in.
define('WP_ENVIRONMENT_TYPE', 'local');
// No wp-cron loopback requests at random page loads (so "future" posts are never published
// by time passing: tests that need that must call wp-cron.php themselves).
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true); // no outgoing HTTP (update checks, oEmbed, ...)
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
// A PHP notice printed into a JSON reply would break it: php -S runs with display_errors=0,
// and this keeps it so should someone turn WP_DEBUG on to investigate.
define('WP_DEBUG', false);
define('WP_DEBUG_DISPLAY', false);
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
EOF

# ---- 5. database server ------------------------------------------------------------------------
wait "$INSTALL_DB" || die "mariadb-install-db failed" "$RUN/install-db.log"
rm -f "$RUN/install-db.pid"
step "database files ready"
# --skip-networking: the socket only. --log-error/--pid-file/--tmpdir: keep it all in RUN_DIR.
# shellcheck disable=SC2016 # $$, $1 and $@ are for the inner sh
setsid sh -c 'echo "$$" > "$1"; shift; exec "$@"' sh "$RUN/db.pid" \
    "$MARIADBD" "${DB_OPTS[@]}" --socket="$SOCK" --skip-networking \
    --pid-file="$RUN/mariadbd.pid" --log-error="$RUN/db.log" \
    > /dev/null 2>&1 < /dev/null &
DB=$!
for ((i = 0; ; i++)); do
    mariadb-admin --no-defaults --socket="$SOCK" --user=wordpress --password=wordpress \
        --connect-timeout=1 ping > /dev/null 2>&1 && break
    kill -0 "$DB" 2> /dev/null || die "mariadbd exited" "$RUN/db.log"
    [ "$i" -lt 400 ] || die "mariadbd did not answer within 20 s" "$RUN/db.log"
    sleep 0.05
done
step "mariadbd ready"

# ---- 6. install WordPress, users, application passwords, plugin (one php run, no wp-cli) -------
cat > "$RUN/install.php" << 'EOF'
<?php
// Install the site the way wp-admin/install.php would, without a browser or wp-cli.
[, $docroot, $url, $tz, $with_plugin, $result_file] = $argv;
define('WP_INSTALLING', true);
define('WP_DISABLE_FATAL_ERROR_HANDLER', true); // a plain PHP error in the log, not an HTML page
$u = parse_url($url);
$_SERVER += ['HTTP_HOST' => $u['host'] . ':' . $u['port'], 'SERVER_NAME' => $u['host'],
             'SERVER_PORT' => $u['port'], 'REQUEST_URI' => '/', 'REQUEST_METHOD' => 'GET'];
// Pluggable functions, defined before WordPress defines them: no e-mail during install.
function wp_new_blog_notification() {}
function wp_mail() { return true; }
require $docroot . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
// wp_install() tries pretty permalinks by fetching the site over HTTP twice, each with a 5 s
// timeout. Answering the option in advance skips that; failing every HTTP request makes sure
// nothing else waits on the network either.
add_filter('pre_option_permalink_structure', function () { return '/%postname%/'; });
add_filter('pre_http_request', function () { return new WP_Error('offline', 'no HTTP during install'); });
$fail = function ($what) { fwrite(STDERR, "install.php: $what\n"); exit(1); };

$login_pw = wp_generate_password(20, false);
$r = wp_install('Dateline test site', 'editor', 'editor@example.invalid', false, '', wp_slash($login_pw));
if (empty($r['user_id'])) { $fail('wp_install() failed'); }
remove_all_filters('pre_option_permalink_structure');
global $wp_rewrite; // store the structure for real; /wp-json/ routes need pretty permalinks
$wp_rewrite->set_permalink_structure('/%postname%/');
$wp_rewrite->flush_rules(false); // false: there is no .htaccess to write
if ($tz !== '' && $tz !== 'UTC') { update_option('timezone_string', $tz); }
// Start empty, so that tests see only what they made: no "Hello world!", sample page, etc.
foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $p) {
    wp_delete_post($p->ID, true);
}
foreach (get_comments() as $c) { wp_delete_comment($c->comment_ID, true); }

$contributor = wp_insert_user(['user_login' => 'contributor', 'role' => 'contributor',
    'user_pass' => wp_generate_password(20, false), 'user_email' => 'contributor@example.invalid']);
if (is_wp_error($contributor)) { $fail('contributor: ' . $contributor->get_error_message()); }
$app = [];
foreach ([$r['user_id'], $contributor] as $uid) {
    $a = WP_Application_Passwords::create_new_application_password($uid, ['name' => 'dateline-tests']);
    if (is_wp_error($a)) { $fail('application password: ' . $a->get_error_message()); }
    $app[] = $a[0]; // 24 letters and digits
}
if ($with_plugin === '1') { // as if activated on the Plugins screen
    $e = activate_plugin('dateline-companion/dateline-companion.php');
    if (is_wp_error($e)) { $fail('plugin: ' . $e->get_error_message()); }
}
file_put_contents($result_file, "$login_pw $app[0] $app[1] " . get_bloginfo('version') . "\n");
EOF
# Everything it prints (PHP errors, or the HTML of a wp_die() page) goes to install.log; the
# passwords come back in a file of their own. Errors are logged, not displayed: WordPress turns
# display_errors off while installing, but PHP's CLI logs to stderr when error_log is unset.
php -d display_errors=0 -d log_errors=1 "$RUN/install.php" "$RUN/wp" "$URL" \
    "${DATELINE_WP_TIMEZONE:-UTC}" "$WITH_PLUGIN" "$RUN/install.out" >> "$RUN/install.log" 2>&1 ||
    die "installing WordPress failed" "$RUN/install.log"
LOGIN_PW='' APP_PW='' CONTRIB_APP_PW='' WP_VERSION=''
read -r LOGIN_PW APP_PW CONTRIB_APP_PW WP_VERSION < "$RUN/install.out" || true
rm -f "$RUN/install.out"
if [ ${#APP_PW} != 24 ] || [ ${#CONTRIB_APP_PW} != 24 ]; then
    die "installing WordPress printed no application passwords" "$RUN/install.log"
fi
step "WordPress $WP_VERSION installed"

# ---- 7. ready when an authenticated REST request succeeds (this also warms OPcache) ------------
for ((i = 0; ; i++)); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -u "editor:$APP_PW" \
        "$URL/wp-json/wp/v2/users/me") || true
    [ "$code" = 200 ] && break
    [ "$i" -lt 50 ] || die "GET /wp-json/wp/v2/users/me answers HTTP $code, not 200" "$RUN/php-errors.log"
    sleep 0.1
done
step "REST API answers"

# ---- 8. the env file, written last and atomically: it exists only for a working site ----------
q() { printf "'%s'" "${1//\'/\'\\\'\'}"; } # single-quote for any POSIX shell
{
    echo "# WordPress test site made by tests/wordpress/wp-up.sh; stop it with wp-down.sh."
    echo "export DATELINE_TEST_WORDPRESS_URL=$(q "$URL")"
    echo "export DATELINE_TEST_WORDPRESS_USER='editor'"
    echo "export DATELINE_TEST_WORDPRESS_APP_PASSWORD=$(q "$APP_PW")"
    echo "export DATELINE_TEST_WORDPRESS_LOGIN_PASSWORD=$(q "$LOGIN_PW")"
    echo "export DATELINE_TEST_WORDPRESS_CONTRIBUTOR_USER='contributor'"
    echo "export DATELINE_TEST_WORDPRESS_CONTRIBUTOR_APP_PASSWORD=$(q "$CONTRIB_APP_PW")"
    echo "export DATELINE_TEST_WORDPRESS_COMPANION=$(q "$WITH_PLUGIN")"
    echo "export DATELINE_TEST_WORDPRESS_VERSION=$(q "$WP_VERSION")"
    echo "export DATELINE_TEST_WORDPRESS_RUN_DIR=$(q "$RUN")"
    echo "export DATELINE_TEST_WORDPRESS_PORT=$(q "$PORT")"
    echo "# Process groups (setsid: PID = PGID); start-server.sh updates the web server's."
    echo "export DATELINE_TEST_WORDPRESS_WEB_PGID=$(q "$(cat "$RUN/web.pid")")"
    echo "export DATELINE_TEST_WORDPRESS_DB_PID=$(q "$(cat "$RUN/db.pid")")"
    echo "export DATELINE_TEST_WORDPRESS_DB_SOCKET=$(q "$SOCK")"
} > "$RUN/env.tmp"
mv "$RUN/env.tmp" "$RUN/env"
OK=1
plugin_note="companion plugin active"
[ "$WITH_PLUGIN" = 1 ] || plugin_note="stock site, no companion plugin"
echo "wp-up: WordPress $WP_VERSION ready at $URL in $(elapsed) s ($plugin_note); env in $RUN/env" >&2
