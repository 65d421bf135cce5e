# Checks of an extracted package tree ROOT; sourced by check_package.sh, which defines
# ok, fail and expect_eq.

# Value of KEY in the [Desktop Entry] group of a desktop file.
desktop_key() { sed -n "s/^$2=//p" "$1" | head -n 1; }

check_desktop_file() {
    local desktop="$1/usr/share/applications/retort-gui.desktop" out
    # desktop-file-validate exits 0 on warnings, so its output must be empty too.
    out=$(desktop-file-validate "$desktop" 2>&1)
    [ $? -eq 0 ] && [ -z "$out" ] && ok "desktop-file-validate" \
        || fail "desktop-file-validate: $out"
    expect_eq "$(desktop_key "$desktop" Name)" Retort "desktop Name"
    expect_eq "$(desktop_key "$desktop" GenericName)" "Database Migrations" "desktop GenericName"
    expect_eq "$(desktop_key "$desktop" Terminal)" false "desktop Terminal"
    expect_eq "$(desktop_key "$desktop" Categories)" "Development;Database;" "desktop Categories"
    # What the desktop file names must be in the package.
    local exec icon
    exec=$(desktop_key "$desktop" Exec)
    expect_eq "$exec" "retort-gui %f" "desktop Exec"
    [ -x "$1/usr/bin/${exec%% *}" ] && ok "Exec program is packaged" \
        || fail "no /usr/bin/${exec%% *}"
    icon=$(desktop_key "$desktop" Icon)
    [ -f "$1/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] && ok "Icon $icon is packaged" \
        || fail "Icon '$icon' has no scalable/apps/$icon.svg"
}

check_metainfo() {
    local metainfo="$1/usr/share/metainfo/io.retort.Retort.metainfo.xml" out
    # --strict fails on anything above the pedantic hints. The one pedantic hint is the
    # upper-case letter of the reverse-DNS id io.retort.Retort, which is the id we chose.
    out=$(appstreamcli validate --no-net --strict "$metainfo" 2>&1) \
        && ok "appstreamcli validate" || fail "appstreamcli validate: $out"
    # validate-tree also checks that the launchable desktop file is in the tree.
    out=$(appstreamcli validate-tree --no-net --strict "$1" 2>&1) \
        && ok "appstreamcli validate-tree" || fail "appstreamcli validate-tree: $out"
    grep -q "<release version=\"$2\"" "$metainfo" && ok "metainfo has release $2" \
        || fail "metainfo has no <release version=\"$2\">"
    # Each screenshot is a committed PNG from the running app (packaging/screenshots/, by
    # take-screenshot.sh), of the size the metainfo states.
    local shots image width height file
    shots="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../packaging/screenshots" && pwd)"
    grep -q '<image' "$metainfo" || fail "metainfo has no screenshot"
    while read -r width height image; do
        file="$shots/$(basename "$image")"
        [ -f "$file" ] || { fail "screenshot $image is not committed as $file"; continue; }
        [ "$(head -c 8 "$file" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] \
            || { fail "$file is not a PNG"; continue; }
        expect_eq "$(png_size "$file")" "${width}x${height}" "screenshot $(basename "$file")"
    done < <(sed -n 's|.*<image type="source" width="\([0-9]*\)" height="\([0-9]*\)">\(.*\)</image>.*|\1 \2 \3|p' \
                 "$metainfo")
    local binary
    for binary in $(sed -n 's|.*<binary>\(.*\)</binary>.*|\1|p' "$metainfo"); do
        [ -x "$1/usr/bin/$binary" ] && ok "provided binary $binary is packaged" \
            || fail "metainfo provides $binary, which is not in /usr/bin"
    done
}

# Width and height from a PNG's IHDR chunk (big-endian, at byte 16).
png_size() {
    od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", \
        (($1 * 256 + $2) * 256 + $3) * 256 + $4, (($5 * 256 + $6) * 256 + $7) * 256 + $8 }'
}

check_icons() {
    local size png actual
    for size in 16 24 32 48 64 128 256; do
        png="$1/usr/share/icons/hicolor/${size}x${size}/apps/retort-gui.png"
        [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] \
            || { fail "$png is not a PNG"; continue; }
        actual=$(png_size "$png")
        [ "$actual" = "${size}x${size}" ] && ok "icon ${size}x${size}" \
            || fail "icon in ${size}x${size}/ is $actual"
    done
    grep -q '<svg' "$1/usr/share/icons/hicolor/scalable/apps/retort-gui.svg" && ok "scalable icon" \
        || fail "scalable icon is not an SVG"
}

check_manpages() {
    local dir="$1/usr/share/man/man1" page out text
    for page in retort retort-gui; do
        gzip -t "$dir/$page.1.gz" 2>/dev/null || { fail "$page.1.gz is not gzip"; continue; }
        out=$(gzip -dc "$dir/$page.1.gz" | groff -man -ww -z -Tascii 2>&1)
        [ -z "$out" ] && ok "$page.1 formats without warnings" || fail "$page.1: $out"
        gzip -dc "$dir/$page.1.gz" | grep -q "^\.TH .* \"Retort $2\"" \
            && ok "$page.1 is for Retort $2" || fail "$page.1's .TH line does not say Retort $2"
    done
    # Every verb and option of the packaged programs' --help is described, and nothing else.
    out=$(bash "$(dirname "${BASH_SOURCE[0]}")/check_manpages.sh" "$1/usr/bin/retort" \
              "$dir/retort.1.gz" "$1/usr/bin/retort-gui" "$dir/retort-gui.1.gz" 2>&1) \
        && ok "man pages match --help" || fail "man pages and --help differ:
$(grep -v '^ok:' <<<"$out")"
}

check_changelog() {
    local package changelog plain="$1/../changelog" actual
    for package in retort retort-gui; do
        changelog="$1/usr/share/doc/$package/changelog.gz"
        gzip -dc "$changelog" >"$plain" || { fail "$package's changelog.gz is not gzip"; continue; }
        actual=$(dpkg-parsechangelog -l "$plain" -S Version 2>&1)
        expect_eq "$actual" "$2" "$package's changelog's newest version"
    done
}

check_binaries() {
    local missing out
    missing=$(ldd "$1/usr/bin/retort" "$1/usr/bin/retort-gui" | grep 'not found')
    [ -z "$missing" ] && ok "all linked libraries found" || fail "unresolved libraries: $missing"
    # The packaged CLI, not the one in the build tree, must run and say what it is.
    out=$(timeout 20 "$1/usr/bin/retort" --version 2>&1)
    grep -i 'retort' <<<"$out" | grep -qF "$2" && ok "retort --version: $out" \
        || fail "retort --version printed '$out', expected a line with 'retort' and '$2'"
}
