#!/usr/bin/env bash
# Takes the screenshots of issue 16's features into docs/screenshots/: the agenda, Find, the
# reminders window and the tray menu from the real widgets (offscreen), and a reminder as a real
# notification server shows it (dunst on Xvfb, a private D-Bus session).
#   scripts/screenshots.sh [BUILD_DIR]     needs: xvfb dunst x11-apps imagemagick
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build/ci}"
cmake --build "$BUILD" --target kairos-shots >/dev/null
SHOTS="$BUILD/tests/ui/kairos-shots"
OUT=docs/screenshots
QT_QPA_PLATFORM=offscreen "$SHOTS" widgets "$OUT"

TMP="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$TMP"' EXIT
export HOME="$TMP" XDG_RUNTIME_DIR="$TMP/run" XDG_CONFIG_HOME="$TMP/config"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME/dunst" && chmod 700 "$XDG_RUNTIME_DIR"
cat > "$XDG_CONFIG_HOME/dunst/dunstrc" <<'RC'
[global]
    geometry = "460x5-20+20"
    font = DejaVu Sans 11
    frame_width = 2
    padding = 12
    horizontal_padding = 14
    markup = no
    format = "<b>%s</b>\n%b"
    show_indicators = yes
[urgency_normal]
    background = "#ffffff"
    foreground = "#1f2933"
    frame_color = "#3b82f6"
    timeout = 0
RC
DISPLAY_NUM=:97
Xvfb "$DISPLAY_NUM" -screen 0 1024x300x24 >/dev/null 2>&1 &
sleep 1
unset DBUS_SESSION_BUS_ADDRESS
DISPLAY="$DISPLAY_NUM" dbus-run-session -- bash -c '
  dunst >/dev/null 2>&1 &
  sleep 1
  QT_QPA_PLATFORM=offscreen "$1" notify 4 &
  sleep 3
  xwd -root -display "$DISPLAY" -out "$2/screen.xwd"
  wait
' bash "$SHOTS" "$TMP"
convert "$TMP/screen.xwd" -crop 500x200+524+0 "$OUT/reminder-notification.png"
echo "screenshots in $OUT"
