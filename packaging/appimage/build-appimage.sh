#!/usr/bin/env bash
# AppImage recipe (not run in CI): an x86_64 Kairos-<version>.AppImage with Qt, QtKeychain and
# libical inside, built with linuxdeploy and its Qt plugin on the oldest distribution you want
# to support (the AppImage runs where that glibc or a newer one is).
#   packaging/appimage/build-appimage.sh            # from the repository root
# Needs: the Debian build dependencies (scripts/deps.sh), wget, and FUSE to run the result
# (or --appimage-extract-and-run).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${APPIMAGE_WORK:-build/appimage}
mkdir -p "$work"
cmake -S . -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DKAIROS_BUILD_TESTS=OFF -DKAIROS_BUILD_BENCHMARKS=OFF
cmake --build "$work/build" --target kairos kairos-cli kairos-server
rm -rf "$work/AppDir"
DESTDIR="$PWD/$work/AppDir" cmake --install "$work/build" --component app

tools=$work/tools
mkdir -p "$tools"
for t in linuxdeploy-x86_64.AppImage linuxdeploy-plugin-qt-x86_64.AppImage; do
  [ -x "$tools/$t" ] || {
    wget -q -O "$tools/$t" "https://github.com/linuxdeploy/${t%%-x86_64.AppImage}/releases/download/continuous/$t"
    chmod +x "$tools/$t"
  }
done
export QMAKE=${QMAKE:-$(command -v qmake6 || echo /usr/lib/qt6/bin/qmake)}
# Qt's SQLite driver, TLS backend and SVG plugins are loaded at run time: name them.
export EXTRA_QT_PLUGINS="sqldrivers;tls;iconengines;imageformats;networkinformation"
export EXTRA_PLATFORM_PLUGINS="libqwayland-generic.so"
"$tools/linuxdeploy-x86_64.AppImage" --appdir "$work/AppDir" --plugin qt \
  --desktop-file "$work/AppDir/usr/share/applications/io.github.kairos.Kairos.desktop" \
  --icon-file "$work/AppDir/usr/share/icons/hicolor/scalable/apps/io.github.kairos.Kairos.svg" \
  --executable "$work/AppDir/usr/bin/kairos-cli" --output appimage
echo "made: $(ls Kairos*.AppImage)"
