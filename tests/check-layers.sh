#!/bin/sh
# Usage: check-layers.sh SOURCE_ROOT [CORE_EXECUTABLE...]
# The layers of docs/ARCHITECTURE.md, checked:
#   - src/core/ includes no GTK, libadwaita, WebKit, libsoup or libsecret
#     header (no UI, no network);
#   - src/publish/ and src/cli/ include no GTK, libadwaita or WebKit;
#   - every CORE_EXECUTABLE (the core's tests) links none of libsoup,
#     libsecret, GTK or WebKit: the core suite, and its sanitizer run,
#     need none of them.
set -u
root=$1; shift
status=0

check_includes() {
  dir=$1; pattern=$2; what=$3
  hits=$(grep -rnE "#include[[:space:]]*<($pattern)" "$root/$dir" --include='*.c' --include='*.h' || true)
  if [ -n "$hits" ]; then
    echo "$dir must not include $what:" >&2
    echo "$hits" >&2
    status=1
  fi
}

check_includes src/core 'gtk/|adwaita|webkit|libsoup/|libsecret/|gtksourceview/' \
  'GTK, libadwaita, WebKit, GtkSourceView, libsoup or libsecret'
check_includes src/publish 'gtk/|adwaita|webkit|gtksourceview/' 'GTK, libadwaita, WebKit or GtkSourceView'
check_includes src/cli 'gtk/|adwaita|webkit|gtksourceview/' 'GTK, libadwaita, WebKit or GtkSourceView'

for exe in "$@"; do
  needed=$(readelf -d "$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
  bad=$(printf '%s\n' "$needed" | grep -E '^lib(soup|secret|gtk|adwaita|webkit|javascriptcore)' || true)
  if [ -n "$bad" ]; then
    echo "$(basename "$exe") is a core test but links: $(echo $bad)" >&2
    status=1
  fi
done

[ $status -eq 0 ] && echo "layers: ok ($# core executables checked)"
exit $status
