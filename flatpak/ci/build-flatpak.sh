#!/bin/bash
# Usage: flatpak/ci/build-flatpak.sh [WORK_DIR]
# Builds the Flatpak from flatpak/io.github.dateline.Dateline.json the way
# flatpak-builder does for Flathub, against a stand-in runtime made from
# Debian's packages (make-host-runtime.sh; the GNOME runtime cannot be
# downloaded here): a copy of the manifest names that runtime, and drops
# the modules the stand-in already has (md4c, from Debian). The build runs
# the test suite inside the sandbox (run-tests). Then, inside the sandbox:
# `dateline --version`, `dateline-cli` making and listing an article, and
# the window under Xvfb, screenshotted. Needs an X display ($DISPLAY).
# Prints "flatpak: N passed, N failed" last; exits non-zero on a failure.
set -uo pipefail
app=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d "${TMPDIR:-/tmp}/dateline-flatpak.XXXXXX")}
mkdir -p "$work"
export FLATPAK_USER_DIR=$work/fpuser
passed=0 failed=0
check () {
  local name=$1; shift
  if "$@"; then echo "flatpak: ok - $name"; passed=$((passed + 1))
  else echo "flatpak: FAILED - $name"; failed=$((failed + 1)); fi
}
finish () { echo "flatpak: $passed passed, $failed failed"; exit $(( failed > 0 )); }
start=$SECONDS

# What the app module needs to build and test, as Debian packages: the
# rest of the closure follows from their dependencies.
"$app/flatpak/ci/make-host-runtime.sh" "$work/rt" \
  bash dash coreutils findutils grep sed gawk diffutils tar gzip xz-utils binutils gcc libc6-dev libc-bin \
  meson ninja-build pkgconf gettext python3 libglib2.0-dev-bin libglib2.0-bin \
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev libgtksourceview-5-dev libwebkitgtk-6.0-dev libsoup-3.0-dev \
  libjson-glib-dev libmd4c-dev libmd4c-html0-dev libsecret-1-dev libicu-dev libenchant-2-dev \
  hunspell-en-us hunspell-en-gb hunspell-ru hunspell-be hunspell-de-de tzdata libx11-dev libxtst-dev \
  desktop-file-utils appstream appstream-util libxml2-utils librsvg2-common shared-mime-info \
  hicolor-icon-theme adwaita-icon-theme gtk-update-icon-cache fonts-dejavu-core fontconfig \
  || { failed=$((failed + 1)); finish; }
echo "flatpak: runtime tree in $((SECONDS - start)) s"
rm -rf "$work/repo"
flatpak build-export --runtime --disable-sandbox "$work/repo" "$work/rt" test >/dev/null \
  && flatpak --user remote-add --if-not-exists --no-gpg-verify dateline-ci "file://$work/repo" \
  && flatpak --user install -y --noninteractive --reinstall dateline-ci org.dateline.HostSdk//test >/dev/null \
  || { echo "flatpak: the stand-in runtime could not be installed"; failed=$((failed + 1)); finish; }
rm -rf "$work/rt"
echo "flatpak: runtime installed in $((SECONDS - start)) s"

python3 - "$app" "$work/ci-manifest.json" <<'PY'
import json, sys
app, out = sys.argv[1], sys.argv[2]
m = json.load(open(app + '/flatpak/io.github.dateline.Dateline.json'))
m.update({"runtime": "org.dateline.HostSdk", "sdk": "org.dateline.HostSdk", "runtime-version": "test"})
# Modules fetched from the network are in the stand-in runtime already.
m["modules"] = [mod for mod in m["modules"]
                if not any(s.get("type") == "archive" for s in mod.get("sources", []))]
for mod in m["modules"]:
    for s in mod.get("sources", []):
        if s.get("type") == "dir":
            s["path"] = app
json.dump(m, open(out, "w"), indent=2)
PY

cd "$work" || exit 1
check "flatpak-builder builds the app, and its core, cli and data tests pass in the sandbox" \
  sh -c 'flatpak-builder --user --force-clean --disable-rofiles-fuse --state-dir=.fb --repo=apprepo \
           --install appbuild ci-manifest.json > build.log 2>&1 || { tail -60 build.log; exit 1; }'
echo "flatpak: app built and tested in $((SECONDS - start)) s"
grep -E '^(Ok|Fail|Skipped|Expected Fail):' build.log | tr '\n' ' '; echo

check "dateline --version in the sandbox" \
  sh -c 'flatpak run --user io.github.dateline.Dateline --version | grep -q "^Dateline "'
check "dateline-cli in the sandbox makes and lists an article" \
  sh -c 'id=$(flatpak run --user --command=dateline-cli io.github.dateline.Dateline new --headline "Flatpak check" --place Minsk) \
         && flatpak run --user --command=dateline-cli io.github.dateline.Dateline list | grep -q "Flatpak check" \
         && echo "  made $id"'
# The window: up within 20 s, named, and on screen for the screenshot.
window_opens () {
  local pid found=no
  GSK_RENDERER=cairo flatpak run --user io.github.dateline.Dateline &
  pid=$!
  for _ in $(seq 1 40); do
    sleep 0.5
    if xwininfo -root -tree 2>/dev/null | grep -qi '"dateline"\|"flatpak check"'; then found=yes; break; fi
  done
  sleep 2
  [ $found = yes ] && import -window root "$work/flatpak-window.png"
  kill $pid 2>/dev/null; wait $pid 2>/dev/null
  [ $found = yes ] && [ -s "$work/flatpak-window.png" ]
}
check "the window opens in the sandbox (screenshot: $work/flatpak-window.png)" window_opens
echo "flatpak: all in $((SECONDS - start)) s"
finish
