#!/bin/sh
# Renders the committed PNGs from the SVG sources. Run it after editing an SVG and commit the
# result; the build only installs the PNGs, so it needs no SVG renderer.
# Needs rsvg-convert (Debian package librsvg2-bin).
set -eu
cd "$(dirname "$0")"
mkdir -p png
# 16 px has its own drawing on the pixel grid; the full drawing turns to mush that small.
rsvg-convert -w 16 -h 16 retort-gui-16.svg -o png/retort-gui-16.png
for size in 24 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" retort-gui.svg -o "png/retort-gui-$size.png"
done
