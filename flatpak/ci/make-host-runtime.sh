#!/bin/bash
# Usage: make-host-runtime.sh OUT_DIR PACKAGE...
# A Flatpak runtime (used as both Platform and Sdk) made from installed
# Debian packages and their dependency closure: CI cannot download the
# GNOME runtime, and this proves the manifest and the build steps against
# the same libraries the rest of CI uses (GTK 4.8, libadwaita 1.2).
# From ../shared/references/flatpak/ (verified there), with the output
# folder as an argument.
set -euo pipefail
W=$1; shift
ID=${ID:-org.dateline.HostSdk}; BRANCH=${BRANCH:-test}
rm -rf "$W" && mkdir -p "$W/files"
python3 "$(dirname "$0")/closure.py" "$@" > "$W/pkgs.txt"
dpkg -L $(cat "$W/pkgs.txt") 2>/dev/null | sort -u | while read -r p; do
  [ -d "$p" ] && [ ! -L "$p" ] && continue
  [ -e "$p" ] || [ -L "$p" ] || continue
  echo "$p"
done | grep -Ev '^/usr/share/(doc|man|info|lintian|bug|gtk-doc|help)/|^/var/|^/(bin|sbin|lib|lib32|lib64|libx32)$' > "$W/files.lst"
# merged /usr: /bin, /lib, ... are links into /usr; names lose their usr/
tar -C / --no-recursion -cf - -T <(sed 's|^/||' "$W/files.lst") 2>/dev/null \
  | tar -C "$W/files" -xf - --transform='flags=rh;s,^usr/,,'
cp /usr/sbin/ldconfig "$W/files/bin/ldconfig"
# caches made by dpkg triggers, which dpkg -L does not list
for f in lib/x86_64-linux-gnu/gdk-pixbuf-2.0/2.10.0/loaders.cache lib/x86_64-linux-gnu/gio/modules/giomodule.cache \
         share/glib-2.0/schemas/gschemas.compiled share/icons/hicolor/icon-theme.cache share/mime \
         share/hunspell; do
  [ -e "/usr/$f" ] && mkdir -p "$W/files/$(dirname $f)" && cp -a "/usr/$f" "$W/files/$(dirname $f)/"
done
# links no package owns (alternatives, diversions): cc, pkg-config, sh, ...
for l in /usr/bin/* /usr/sbin/*; do
  rel=${l#/usr/}; [ -L "$l" ] || continue; [ -e "$W/files/$rel" ] || [ -L "$W/files/$rel" ] && continue
  t=$(realpath "$l"); [ -e "$W/files/${t#/usr/}" ] && ln -s "$t" "$W/files/$rel"
done
printf '[Runtime]\nname=%s\nruntime=%s/x86_64/%s\nsdk=%s/x86_64/%s\n' "$ID" "$ID" "$BRANCH" "$ID" "$BRANCH" > "$W/metadata"
# build-export --runtime takes a runtime's files from usr/
mv "$W/files" "$W/usr" && mkdir "$W/files"
echo "runtime: $(wc -l < "$W/pkgs.txt") packages, $(du -sh "$W/usr" | cut -f1)"
