#!/usr/bin/env bash
# Installs the build into a scratch prefix and checks that the desktop integration is in place.
# Usage: check_install.sh CMAKE BUILD_DIR SCRATCH_DIR
set -euo pipefail
cmake=$1 build=$2 root=$3
prefix=$root/usr
rm -rf "$root"
mkdir -p "$root"
"$cmake" --install "$build" --prefix "$prefix" >"$root/install.log" 2>&1 || {
  cat "$root/install.log"
  echo "cmake --install failed (is the kairos target built?)"
  exit 1
}

status=0
expect() { # expect TEST PATH WHAT
  if [ "$1" "$2" ]; then
    echo "ok: $3 ($2)"
  else
    echo "MISSING: $3 ($2)"
    status=1
  fi
}
id=io.github.kairos.Kairos
expect -x "$prefix/bin/kairos" "desktop binary"
expect -f "$prefix/share/applications/$id.desktop" ".desktop entry"
expect -f "$prefix/share/metainfo/$id.metainfo.xml" "AppStream metainfo"
expect -s "$prefix/share/icons/hicolor/scalable/apps/$id.svg" "scalable icon"
if [ -f "$prefix/share/icons/hicolor/scalable/apps/$id.svg" ] &&
  ! grep -q "<svg" "$prefix/share/icons/hicolor/scalable/apps/$id.svg"; then
  echo "BROKEN: the icon is not an SVG"
  status=1
fi

# The .desktop entry's Icon= and the metainfo's launchable must name what was installed.
desktop=$prefix/share/applications/$id.desktop
if [ -f "$desktop" ]; then
  grep -qx "Icon=$id" "$desktop" || { echo "BROKEN: Icon= is not $id"; status=1; }
  exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
  [ -x "$prefix/bin/$exec_bin" ] || { echo "BROKEN: Exec=$exec_bin is not installed in bin/"; status=1; }
  if command -v desktop-file-validate >/dev/null; then
    out=$(desktop-file-validate "$desktop" 2>&1) || status=1
    [ -z "$out" ] || { echo "$out"; status=1; }
  fi
fi
metainfo=$prefix/share/metainfo/$id.metainfo.xml
if [ -f "$metainfo" ]; then
  grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
    { echo "BROKEN: metainfo launchable is not $id.desktop"; status=1; }
fi
# The installed tree as a software centre would see it (metainfo + desktop entry + icon).
if command -v appstreamcli >/dev/null; then
  appstreamcli validate-tree --no-net "$root" || status=1
fi
exit $status
