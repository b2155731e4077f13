#!/bin/bash
# with-keyring.sh COMMAND [ARGS...] — run COMMAND with a keyring of its own.
#
# A private D-Bus session with a fresh GNOME Keyring (secrets component only) in a temporary
# data folder, unlocked with a throw-away password, so that libsecret stores and finds real
# secrets without touching the user's keyring. Exits with COMMAND's status; 77 (skipped) when
# gnome-keyring-daemon or dbus-run-session is missing, unless DATELINE_REQUIRE_WORDPRESS=1 (CI),
# then 1.
set -uo pipefail

if ! command -v gnome-keyring-daemon > /dev/null || ! command -v dbus-run-session > /dev/null; then
    if [ "${DATELINE_REQUIRE_WORDPRESS:-0}" = 1 ]; then
        echo "with-keyring: FAIL: gnome-keyring-daemon or dbus-run-session is not installed" >&2
        exit 1
    fi
    echo "with-keyring: SKIP: gnome-keyring-daemon or dbus-run-session is not installed" >&2
    exit 77
fi

KEYRING_HOME=$(mktemp -d "${TMPDIR:-/tmp}/dateline-keyring.XXXXXX") || exit 1
trap 'rm -rf "$KEYRING_HOME"' EXIT
mkdir -p "$KEYRING_HOME/data" "$KEYRING_HOME/run"
chmod 700 "$KEYRING_HOME/run"

# The daemon keeps its keyrings in $XDG_DATA_HOME/keyrings and its control socket in
# $XDG_RUNTIME_DIR/keyring: both private to this run. COMMAND sees the same folders, so that
# what it stores is found again by the processes it starts.
XDG_DATA_HOME="$KEYRING_HOME/data" XDG_RUNTIME_DIR="$KEYRING_HOME/run" \
    dbus-run-session -- bash -c '
        eval "$(printf %s dateline-test | gnome-keyring-daemon --unlock --components=secrets)" || exit 1
        export GNOME_KEYRING_CONTROL
        "$@"
        status=$?
        kill "$GNOME_KEYRING_PID" 2> /dev/null
        exit $status' with-keyring "$@"
