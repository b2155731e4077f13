#!/bin/bash
# smoke-test.sh — quick self-check of the WordPress test server and the companion plugin.
#
# Runs twice through with-wordpress.sh: once with data/wordpress/dateline-companion active,
# once on a stock site (DATELINE_WP_PLUGIN=0). Each run checks, with curl:
#   (a) the REST index: application-passwords authentication; the companion's version, or
#       its absence on the stock site
#   (b) GET users/me: 200 with an application password (both users), 401 with a wrong one
#   (c) a post with Dateline's meta, found again by ?dateline_client_uuid= (with the plugin);
#       on the stock site: the post is still created and published, the meta is dropped
#   (d) a JPEG upload to the media library
#   (e) stop-server.sh / start-server.sh: down, then back on the same URL with the same data
# Prints PASS or FAIL per check; exits 1 if any failed, 77 if WordPress is not installed.
# (--inner is how it calls itself inside with-wordpress.sh.)
#
# check() runs the predicates it is given, some of them as eval '...' with deliberately
# single-quoted conditions (and PHP code is single-quoted too), which shellcheck cannot follow:
# shellcheck disable=SC2016,SC2317
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)

if [ "${1:-}" != --inner ]; then
    overall=0
    for plugin in 1 0; do
        if [ "$plugin" = 1 ]; then
            echo "=== run 1: WordPress with the Dateline companion plugin"
        else
            echo "=== run 2: stock WordPress (DATELINE_WP_PLUGIN=0)"
        fi
        rc=0
        DATELINE_WP_PLUGIN=$plugin "$HERE/with-wordpress.sh" "$0" --inner || rc=$?
        [ "$rc" = 77 ] && exit 77 # not installed: nothing else to try
        [ "$rc" = 0 ] || overall=1
    done
    if [ "$overall" = 0 ]; then echo "=== smoke test: PASS"; else echo "=== smoke test: FAIL"; fi
    exit "$overall"
fi

# ---- inside with-wordpress.sh --------------------------------------------------------------------
URL=$DATELINE_TEST_WORDPRESS_URL
API=$URL/wp-json/wp/v2
EDITOR="$DATELINE_TEST_WORDPRESS_USER:$DATELINE_TEST_WORDPRESS_APP_PASSWORD"
CONTRIB="$DATELINE_TEST_WORDPRESS_CONTRIBUTOR_USER:$DATELINE_TEST_WORDPRESS_CONTRIBUTOR_APP_PASSWORD"
COMPANION=$DATELINE_TEST_WORDPRESS_COMPANION
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
BODY=$TMP/body
FAILED=0

pass() { echo "PASS $1"; }
fail() {
    echo "FAIL $1${2:+: $2}"
    FAILED=1
}
# check NAME COMMAND...: PASS if COMMAND succeeds, else FAIL with the reply's start.
check() {
    local name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name" "HTTP $CODE, reply: $(head -c 300 "$BODY")"; fi
}
# req METHOD URL [curl args...]: the status goes to $CODE ("000": no connection), the body to $BODY.
req() {
    local method=$1 url=$2
    shift 2
    CODE=$(curl -s -o "$BODY" -w '%{http_code}' --max-time 30 -X "$method" "$@" "$url") || true
}
# jq-less JSON: j PATH prints the value at PATH (a.0.b, "." for the whole) in $BODY: strings and
# numbers as they are, null/true/false as such, arrays and objects as compact JSON.
j() {
    php -r '$v = json_decode(file_get_contents($argv[1]), true);
        foreach ($argv[2] === "." ? [] : explode(".", $argv[2]) as $k) {
            $v = is_array($v) && array_key_exists($k, $v) ? $v[$k] : null;
        }
        echo is_string($v) || is_int($v) || is_float($v) ? $v
            : json_encode($v, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);' "$BODY" "$1"
}
is() { [ "$CODE" = "$1" ]; }
json_is() { [ "$CODE" = "$1" ] && [ "$(j "$2")" = "$3" ]; }
uuid() { cat /proc/sys/kernel/random/uuid; }

echo "--- $URL (WordPress $DATELINE_TEST_WORDPRESS_VERSION, companion: $COMPANION)"

# (a) the REST index ------------------------------------------------------------------------------
req GET "$URL/wp-json/"
check "(a) /wp-json/ lists application-passwords authentication" \
    json_is 200 authentication.application-passwords.endpoints.authorization \
    "$URL/wp-admin/authorize-application.php"
if [ "$COMPANION" = 1 ]; then
    check "(a) /wp-json/ has dateline_companion version 1" json_is 200 dateline_companion.version 1
else
    check "(a) /wp-json/ has no dateline_companion (stock site)" json_is 200 dateline_companion null
fi

# (b) credentials ---------------------------------------------------------------------------------
req GET "$API/users/me?context=edit" -u "$EDITOR"
check "(b) users/me with editor's application password: 200, administrator" \
    json_is 200 roles '["administrator"]'
req GET "$API/users/me?context=edit" -u "$CONTRIB"
check "(b) users/me with contributor's application password: 200, contributor" \
    json_is 200 roles '["contributor"]'
# Only the status is checked: WordPress 6.1 answers rest_not_logged_in, as if no credentials had
# been sent (its incorrect_password error is raised only after the REST server looked for one).
req GET "$API/users/me" -u "$DATELINE_TEST_WORDPRESS_USER:abcd efgh ijkl mnop qrst uvwx"
check "(b) users/me with a wrong application password: 401" is 401
req GET "$API/users/me" -u "$DATELINE_TEST_WORDPRESS_USER:$DATELINE_TEST_WORDPRESS_LOGIN_PASSWORD"
check "(b) users/me with the login password instead: 401 (REST takes application passwords only)" is 401

# (c) a post with Dateline's fields ---------------------------------------------------------------
ID_UUID=$(uuid)
CREDITS='[{"role":"Reporting","name":"José \"Pepe\" Núñez","text":"Reporting by José Núñez"},{"role":"Editing","name":"A\\B","text":""}]'
# Build the JSON with PHP: the credits are a JSON string inside JSON, quotes and backslashes included.
POST_JSON=$(php -r 'echo json_encode(["title" => "Budget passes", "status" => "publish",
    "content" => "<p>MINSK, 8 May (BelTA) - The council voted.</p>",
    "meta" => ["dateline_client_uuid" => $argv[1], "dateline_place" => "Minsk",
        "dateline_region" => "", "dateline_country" => "Belarus",
        "dateline_date" => "2026-05-08T10:30:00+03:00", "dateline_time_zone" => "Europe/Minsk",
        "dateline_source" => "BelTA", "dateline_style" => "agency",
        "dateline_text" => "MINSK, 8 May (BelTA) - ", "dateline_credits" => $argv[2],
        "dateline_image_credit" => "Photo: BelTA"]]);' "$ID_UUID" "$CREDITS")
req POST "$API/posts" -u "$EDITOR" -H 'Content-Type: application/json' --data-binary "$POST_JSON"
POST_ID=$(j id)
check "(c) create a published post with meta: 201" json_is 201 status publish
if [ "$COMPANION" = 1 ]; then
    check "(c) meta dateline_text stored" json_is 201 meta.dateline_text "MINSK, 8 May (BelTA) - "
    check "(c) meta dateline_credits (JSON in a string) stored byte for byte" \
        json_is 201 meta.dateline_credits "$CREDITS"
    # A decoy with another UUID, so that "exactly one" means the filter worked.
    req POST "$API/posts" -u "$EDITOR" -H 'Content-Type: application/json' \
        --data-binary "{\"title\":\"Decoy\",\"status\":\"draft\",\"meta\":{\"dateline_client_uuid\":\"$(uuid)\"}}"
    req GET "$API/posts?dateline_client_uuid=$ID_UUID&status=any&context=edit" -u "$EDITOR"
    check "(c) ?dateline_client_uuid= finds exactly that post (not the decoy)" \
        eval '[ "$CODE" = 200 ] && [ "$(j 0.id)" = "$POST_ID" ] && [ "$(j 1)" = null ]'
    req GET "$API/posts?dateline_client_uuid=$(uuid)&status=any&context=edit" -u "$EDITOR"
    check "(c) ?dateline_client_uuid= with an unknown UUID: empty list" json_is 200 . '[]'
    req GET "$API/posts?dateline_client_uuid=not-a-uuid&status=any&context=edit" -u "$EDITOR"
    check "(c) ?dateline_client_uuid= with a malformed UUID: 400 rest_invalid_param" \
        json_is 400 code rest_invalid_param
    # A contributor may set the meta on a draft of their own (auth_callback: edit_post).
    req POST "$API/posts" -u "$CONTRIB" -H 'Content-Type: application/json' \
        --data-binary '{"title":"Contributor draft","status":"draft","meta":{"dateline_place":"Brest"}}'
    check "(c) contributor's own draft gets meta" json_is 201 meta.dateline_place Brest
else
    check "(c) stock site: unregistered meta silently dropped" \
        eval '[ "$CODE" = 201 ] && [ "$(j meta.dateline_text)" = null ]'
    req GET "$API/posts/$POST_ID?context=edit" -u "$EDITOR"
    check "(c) stock site: the post reads back, published" \
        eval '[ "$CODE" = 200 ] && [ "$(j status)" = publish ] && [ "$(j title.raw)" = "Budget passes" ]'
    req POST "$API/posts" -u "$EDITOR" -H 'Content-Type: application/json' \
        --data-binary '{"title":"Second","status":"draft"}'
    req GET "$API/posts?dateline_client_uuid=$ID_UUID&status=any&context=edit" -u "$EDITOR"
    check "(c) stock site: ?dateline_client_uuid= is ignored (all posts come back)" \
        eval '[ "$CODE" = 200 ] && [ "$(j 1.id)" != null ]'
fi

# (d) media ---------------------------------------------------------------------------------------
JPEG=$TMP/photo.jpg
if command -v convert > /dev/null; then
    convert -size 320x200 gradient:steelblue-orange -quality 85 "$JPEG"
else # no ImageMagick: PHP's GD makes one as well
    php -r 'imagejpeg(imagecreatetruecolor(320, 200), $argv[1], 85);' "$JPEG"
fi
req POST "$API/media" -u "$EDITOR" -H 'Content-Type: image/jpeg' \
    -H 'Content-Disposition: attachment; filename="council-vote.jpg"' --data-binary "@$JPEG"
MEDIA_ID=$(j id)
SOURCE=$(j source_url)
check "(d) upload a JPEG: 201 image/jpeg" json_is 201 mime_type image/jpeg
req GET "$SOURCE"
check "(d) the uploaded file is served back unchanged" \
    eval '[ "$CODE" = 200 ] && cmp -s "$BODY" "$JPEG"'
req POST "$API/posts/$POST_ID" -u "$EDITOR" -H 'Content-Type: application/json' \
    --data-binary "{\"featured_media\":$MEDIA_ID}"
check "(d) the image becomes the post's featured image" json_is 200 featured_media "$MEDIA_ID"

# (e) web server down and up again ----------------------------------------------------------------
RUN=$DATELINE_TEST_WORDPRESS_RUN_DIR
if "$HERE/stop-server.sh" "$RUN"; then
    req GET "$API/users/me" -u "$EDITOR"
    check "(e) after stop-server.sh: no connection" is 000
else
    fail "(e) stop-server.sh" "exit status $?"
fi
if "$HERE/start-server.sh" "$RUN"; then
    req GET "$API/users/me" -u "$EDITOR"
    check "(e) after start-server.sh: users/me 200 on the same URL" is 200
    req GET "$API/posts/$POST_ID?context=edit" -u "$EDITOR"
    check "(e) the post made before the restart is still there" \
        json_is 200 title.raw "Budget passes"
else
    fail "(e) start-server.sh" "exit status $?"
fi

# Deprecation notices of WordPress 6.1 under PHP 8.2 are expected; anything worse is not.
if [ -f "$RUN/php-errors.log" ] && grep -v 'PHP Deprecated' "$RUN/php-errors.log" | grep -q .; then
    fail "no PHP errors or warnings logged" "$(grep -v 'PHP Deprecated' "$RUN/php-errors.log" | head -n 3)"
else
    pass "no PHP errors or warnings logged"
fi

exit "$FAILED"
