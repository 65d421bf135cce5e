#!/bin/bash
# Checks the two Debian packages that build_debs.sh made: the file list of each (and that no
# file is in both), the control fields (the Depends lines prove that dpkg-shlibdeps ran, and
# that the command line package pulls in nothing graphical), then, with both unpacked into one
# tree as apt would install them, the desktop file, the AppStream metadata, the icons, the man
# pages, and that the packaged programs find their libraries and run.
# Usage: check_package.sh DEB_DIR VERSION
# Needs: dpkg-dev, desktop-file-utils, appstream, groff-base, gzip.
set -u -o pipefail

debs=$1 version=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
# expect_eq ACTUAL EXPECTED WHAT
expect_eq() { [ "$1" = "$2" ] && ok "$3: $1" || fail "$3 is '$1', expected '$2'"; }

for tool in dpkg dpkg-deb dpkg-parsechangelog desktop-file-validate appstreamcli groff gzip ldd; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed"; exit 1; }
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
arch=$(dpkg --print-architecture)
cli="$debs/retort_${version}_${arch}.deb"
gui="$debs/retort-gui_${version}_${arch}.deb"
for deb in "$cli" "$gui"; do
    [ -f "$deb" ] || { ls "$debs"; echo "FAIL: no $deb (run build_debs.sh first)"; exit 1; }
done

# paths DEB: the files (not folders) of a package, one absolute path per line.
paths() { dpkg-deb --contents "$1" | awk '$1 !~ /^d/ { print $6 }' | sed 's|^\./|/|' | sort; }
paths "$cli" >"$scratch/cli.paths" && paths "$gui" >"$scratch/gui.paths" \
    || { echo "FAIL: dpkg-deb --contents"; exit 1; }

# expect_files PACKAGE_NAME PATHS_FILE EXPECTED...: exactly these files, no more, no fewer.
expect_files() {
    local name=$1 list=$2 path
    shift 2
    printf '%s\n' "$@" | sort >"$scratch/$name.expected"
    for path in "$@"; do
        grep -qxF "$path" "$list" && ok "$name contains $path" || fail "$name lacks $path"
    done
    for path in $(comm -13 "$scratch/$name.expected" "$list"); do
        fail "$name has $path, which belongs elsewhere or nowhere"
    done
}

# --- file lists ----------------------------------------------------------------------------
cli_files=(/usr/bin/retort /usr/share/man/man1/retort.1.gz
           /usr/share/doc/retort/copyright /usr/share/doc/retort/changelog.gz)
# The completions come with the `completion` verb; when the packaged CLI has it, the package
# must carry what it writes.
root="$scratch/root"
dpkg -x "$cli" "$root" && dpkg -x "$gui" "$root" || { echo "FAIL: dpkg -x"; exit 1; }
if "$root/usr/bin/retort" --help 2>/dev/null | grep -qE '^  completion '; then
    cli_files+=(/usr/share/bash-completion/completions/retort
                /usr/share/zsh/vendor-completions/_retort
                /usr/share/fish/vendor_completions.d/retort.fish)
else
    ok "retort has no completion verb yet: no completion files expected"
fi
expect_files retort "$scratch/cli.paths" "${cli_files[@]}"

gui_files=(/usr/bin/retort-gui /usr/share/man/man1/retort-gui.1.gz
           /usr/share/applications/retort-gui.desktop
           /usr/share/metainfo/io.retort.Retort.metainfo.xml
           /usr/share/icons/hicolor/scalable/apps/retort-gui.svg
           /usr/share/doc/retort-gui/copyright /usr/share/doc/retort-gui/changelog.gz)
for size in 16 24 32 48 64 128 256; do
    gui_files+=("/usr/share/icons/hicolor/${size}x${size}/apps/retort-gui.png")
done
expect_files retort-gui "$scratch/gui.paths" "${gui_files[@]}"

both=$(comm -12 "$scratch/cli.paths" "$scratch/gui.paths")
[ -z "$both" ] && ok "no file is in both packages" || fail "in both packages (dpkg refuses): $both"
for bin in retort retort-gui; do
    awk -v p="./usr/bin/$bin" '$6 == p && $1 ~ /^-rwxr-xr-x/ { found = 1 } END { exit !found }' \
        <(dpkg-deb --contents "$cli"; dpkg-deb --contents "$gui") \
        && ok "$bin is executable" || fail "/usr/bin/$bin is not mode 755"
done

# --- control fields ------------------------------------------------------------------------
field() { dpkg-deb --field "$1" "$2"; }
# depends DEB: one package name per line, versions stripped, alternatives on lines of their own.
depends() { field "$1" Depends | tr ',|' '\n\n' | sed 's/^ *//; s/[ (].*//' | grep -v '^$'; }
for deb in "$cli" "$gui"; do
    name=$(basename "$deb" | cut -d_ -f1)
    expect_eq "$(field "$deb" Package)" "$name" "$name Package"
    expect_eq "$(field "$deb" Version)" "$version" "$name Version"
    expect_eq "$(field "$deb" Architecture)" "$arch" "$name Architecture"
    expect_eq "$(field "$deb" Section)" devel "$name Section"
    [ -n "$(field "$deb" Maintainer)" ] && ok "$name Maintainer" || fail "$name has no Maintainer"
    # A summary line of its own, then the long description.
    summary=$(field "$deb" Description | head -n 1)
    grep -q "($([ "$name" = retort ] && echo 'command line' || echo 'desktop application'))\$" \
        <<<"$summary" && ok "$name summary: $summary" || fail "$name summary: '$summary'"
done

depends "$cli" >"$scratch/cli.depends"
for dep in libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql libqt6core6 libqt6sql6; do
    grep -qxF "$dep" "$scratch/cli.depends" && ok "retort Depends on $dep" \
        || fail "retort's Depends lacks $dep: $(field "$cli" Depends)"
done
# Servers and containers: nothing of Qt Gui or Widgets, QScintilla, X, OpenGL or the platform
# plugins.
graphical=$(grep -E '^(libqt6gui|libqt6widgets|libqscintilla|qt6-qpa-plugins|libx|libgl1|libglx|libegl|libopengl|libfontconfig|libfreetype)' \
                 "$scratch/cli.depends")
[ -z "$graphical" ] && ok "retort's Depends has nothing graphical" \
    || fail "retort depends on graphical packages: $(tr '\n' ' ' <<<"$graphical")"

depends "$gui" >"$scratch/gui.depends"
for dep in retort qt6-qpa-plugins libqt6core6 libqt6gui6 libqt6widgets6; do
    grep -qxF "$dep" "$scratch/gui.depends" && ok "retort-gui Depends on $dep" \
        || fail "retort-gui's Depends lacks $dep: $(field "$gui" Depends)"
done
grep -q '^libqscintilla2-qt6' "$scratch/gui.depends" && ok "retort-gui Depends on QScintilla" \
    || fail "retort-gui's Depends lacks libqscintilla2-qt6-*: $(field "$gui" Depends)"
# The same build, so exactly the same version of the command line.
field "$gui" Depends | tr ',' '\n' | grep -qxE " *retort \(= ${version//./\\.}\)" \
    && ok "retort-gui Depends on retort (= $version)" \
    || fail "retort-gui does not depend on retort (= $version): $(field "$gui" Depends)"

# --- the installed files -------------------------------------------------------------------
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
