#!/usr/bin/env bash
# Draws the Roomdesk icon set with ImageMagick (`convert`, v6 or v7) and writes every file
# Tauri's config lists: 16x16 … 256x256 PNGs for the desktop icon theme (hicolor), 128x128@2x.png,
# icon.png (512) and icon.ico. The .deb installs each PNG under /usr/share/icons/hicolor/<size>/apps.
# The mark: an open door on a rounded indigo-to-violet tile ("a room you can step into").
# Drawn once at 1024 px, then scaled down, so every size comes from the same geometry.
#
#   icons/make-icons.sh          (re-run after editing the geometry below; commit the PNGs)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

IM=convert
command -v magick >/dev/null 2>&1 && IM="magick"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Brand colours (the same indigo/violet the UI theme uses).
tile_from='#4C6EF5'   # indigo
tile_to='#6741D9'     # violet
room_light='#DBE4FF'  # the lit room seen through the doorway
knob='#5F3DC4'

# 1. The tile: a diagonal gradient cut to a rounded square (transparent corners).
"$IM" -size 1024x1024 -define gradient:angle=135 "gradient:${tile_from}-${tile_to}" "$work/gradient.png"
"$IM" -size 1024x1024 xc:none -fill white -draw "roundrectangle 64,64 959,959 208,208" "$work/mask.png"
"$IM" "$work/gradient.png" "$work/mask.png" -alpha off -compose CopyOpacity -composite "$work/tile.png"

# 2. The door: a frame with the lit room behind it, and the open leaf swung toward us.
"$IM" "$work/tile.png" \
    -stroke none \
    -fill white       -draw "roundrectangle 384,224 736,800 40,40" \
    -fill "$room_light" -draw "roundrectangle 420,260 700,764 14,14" \
    -fill white       -draw "polygon 404,228 404,796 280,860 280,168" \
    -fill "$knob"     -draw "circle 312,526 312,548" \
    PNG32:"$work/icon-1024.png"

# 3. The sizes. PNG32 keeps them RGBA, which Tauri requires.
resize() { "$IM" "$work/icon-1024.png" -filter Lanczos -resize "$1x$1" PNG32:"$2"; }
resize 16 16x16.png
resize 24 24x24.png
resize 32 32x32.png
resize 48 48x48.png
resize 64 64x64.png
resize 128 128x128.png
resize 256 128x128@2x.png
resize 256 256x256.png
resize 512 icon.png
"$IM" "$work/icon-1024.png" -define icon:auto-resize=256,128,64,48,32,16 icon.ico
echo "wrote: 16/24/32/48/64/128/256 px PNGs, 128x128@2x.png, icon.png, icon.ico"
