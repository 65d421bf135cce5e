#!/bin/bash
# Builds the Debian package from a configured and built tree, then checks what is in it: the
# file list, the control fields (the Depends line proves that dpkg-shlibdeps ran), the desktop
# file, the AppStream metadata, the icons, the man pages, and that the packaged retort runs.
# Usage: check_package.sh CPACK BUILD_DIR VERSION
# Needs: dpkg-dev (dpkg-shlibdeps), desktop-file-utils, appstream, groff-base, gzip.
set -u -o pipefail

cpack=$1 build=$2 version=$3
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
# expect_eq ACTUAL EXPECTED WHAT
expect_eq() { [ "$1" = "$2" ] && ok "$3: $1" || fail "$3 is '$1', expected '$2'"; }

for tool in "$cpack" dpkg dpkg-deb dpkg-shlibdeps dpkg-parsechangelog desktop-file-validate \
           appstreamcli groff gzip ldd; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed"; exit 1; }
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# -B keeps cpack's staging tree and the .deb out of the build tree, so that this test and
# `make package` do not step on each other.
if ! "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/out" \
        >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log"
    echo "FAIL: cpack did not build the package (are retort and retort-gui built?)"
    exit 1
fi
arch=$(dpkg --print-architecture)
deb="$scratch/out/retort_${version}_${arch}.deb"
[ -f "$deb" ] || { ls "$scratch/out"; echo "FAIL: no $(basename "$deb")"; exit 1; }
ok "cpack wrote $(basename "$deb")"

# --- file list -------------------------------------------------------------------------
dpkg-deb --contents "$deb" >"$scratch/contents" || { echo "FAIL: dpkg-deb --contents"; exit 1; }
awk '{ print $6 }' "$scratch/contents" | sed 's|^\./|/|' >"$scratch/paths"
expected="/usr/bin/retort /usr/bin/retort-gui
/usr/share/applications/retort-gui.desktop
/usr/share/metainfo/io.retort.Retort.metainfo.xml
/usr/share/icons/hicolor/scalable/apps/retort-gui.svg
/usr/share/man/man1/retort.1.gz /usr/share/man/man1/retort-gui.1.gz
/usr/share/doc/retort/copyright /usr/share/doc/retort/changelog.gz"
for size in 16 24 32 48 64 128 256; do
    expected="$expected /usr/share/icons/hicolor/${size}x${size}/apps/retort-gui.png"
done
for path in $expected; do
    grep -qxF "$path" "$scratch/paths" && ok "contains $path" || fail "package lacks $path"
done
for bin in retort retort-gui; do
    awk -v p="./usr/bin/$bin" '$6 == p && $1 ~ /^-rwxr-xr-x/ { found = 1 } END { exit !found }' \
        "$scratch/contents" && ok "$bin is executable" || fail "/usr/bin/$bin is not mode 755"
done

# --- control fields ----------------------------------------------------------------------
field() { dpkg-deb --field "$deb" "$1"; }
expect_eq "$(field Package)" retort Package
expect_eq "$(field Version)" "$version" Version
expect_eq "$(field Architecture)" "$arch" Architecture
expect_eq "$(field Section)" devel Section
[ -n "$(field Maintainer)" ] && ok "Maintainer: $(field Maintainer)" || fail "no Maintainer"
# One package name per line, versions and alternatives stripped.
field Depends | tr ',|' '\n\n' | sed 's/^ *//; s/[ (].*//' | grep -v '^$' >"$scratch/depends"
for dep in libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql qt6-qpa-plugins \
           libqt6core6 libqt6widgets6; do
    grep -qxF "$dep" "$scratch/depends" && ok "Depends on $dep" \
        || fail "Depends lacks $dep: $(field Depends)"
done
grep -q '^libqscintilla2-qt6' "$scratch/depends" && ok "Depends on QScintilla" \
    || fail "Depends lacks libqscintilla2-qt6-*: $(field Depends)"

# --- the installed files -----------------------------------------------------------------
root="$scratch/root"
dpkg -x "$deb" "$root" || { echo "FAIL: dpkg -x"; exit 1; }
. "$(dirname "$0")/check_installed.sh"
check_desktop_file "$root"
check_metainfo "$root" "$version"
check_icons "$root"
check_manpages "$root" "$version"
check_changelog "$root" "$version"
check_binaries "$root" "$version"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all packaging checks passed"
