#!/bin/bash
# Takes revision-graph.png, the AppStream screenshot: retort-gui on a copy of the bundled example
# project (brought part of the way, as `make run` does), in a 1280x720 Xvfb screen under openbox,
# the window filling the screen. Needs xvfb, openbox, xdotool and imagemagick.
# Usage: packaging/screenshots/take-screenshot.sh [BUILD_DIR]   (writes next to this script)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
out="$root/packaging/screenshots/revision-graph.png"
width=1280 height=720

work=$(mktemp -d /tmp/retort-screenshot.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cp -r "$root/resources/example" "$work/blog"
"$build/app/cli/retort" -c "$work/blog/retort.ini" upgrade 7c2e91d04a3b >/dev/null

# A fresh home, so that no one's settings or recent projects show.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
Xvfb -displayfd 3 -screen 0 "${width}x${height}x24" -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
pids+=($!)
until [ -s "$work/display" ]; do sleep 0.05; done
export DISPLAY=":$(cat "$work/display")"
openbox >/dev/null 2>&1 &
pids+=($!)
sleep 1
QT_QPA_PLATFORM=xcb "$build/app/gui/retort-gui" "$work/blog" >"$work/gui.log" 2>&1 &
pids+=($!)
window=
for _ in $(seq 200); do
    window=$(xdotool search --name "^blog" 2>/dev/null | sed -n 1p) && [ -n "$window" ] && break
    sleep 0.1
done
[ -n "$window" ] || { cat "$work/gui.log"; echo "retort-gui showed no window" >&2; exit 1; }
# Fill the screen (the title bar goes above it); then let the pending-changes panel finish.
xdotool windowmove "$window" 0 0 windowsize "$window" "$width" "$height"
sleep 4
import -window root "$work/shot.png"
convert "$work/shot.png" -strip "$out"
echo "wrote $out"
