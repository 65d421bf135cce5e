#!/bin/bash
# Installs the retort package into a fresh minimal Debian 12 root, the way a user would
# (`apt-get install ./retort_*.deb`, from the Debian mirror this machine uses), and runs it
# there: --version, then an SQLite project through init, revision (with SQL written into it),
# upgrade head, current, inspect and downgrade base. This proves the Depends line on a machine
# that never saw the build, and that it pulls in nothing graphical. It also prints the installed
# size of what apt adds for retort, and (simulated, nothing installed) for retort plus retort-gui.
#
# The root comes from `debootstrap --variant=minbase bookworm`, made once and kept in a cache
# folder (RETORT_TEST_ROOT_CACHE, default ~/.cache/retort-test-root), rebuilt when it is a week
# old, its package lists refreshed once a day; each run works on a fresh copy. Downloaded .debs
# are kept in the cache too. Nothing is mounted: the run needs no /proc, so a failure can leave
# nothing mounted behind.
# Usage: check_fresh_root.sh DEB_DIR VERSION   (as root: debootstrap and chroot need it)
set -u -o pipefail

debs=$1 version=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
die() { echo "FAIL: $*"; exit 1; }
now() { date +%s; }
started=$(now)
phase() { echo "-- $1 (at $(($(now) - started)) s)"; }

if [ "$(id -u)" != 0 ]; then
    echo "SKIP: the fresh-root install test needs root (debootstrap, chroot)"
    exit 77
fi
command -v debootstrap >/dev/null || die "debootstrap is not installed (make deps installs it)"
arch=$(dpkg --print-architecture)
deb="$debs/retort_${version}_${arch}.deb"
gui_deb="$debs/retort-gui_${version}_${arch}.deb"
[ -f "$deb" ] && [ -f "$gui_deb" ] || die "no $deb or $gui_deb (run build_debs.sh first)"

# The Debian mirror this machine's apt uses (deb822 .sources or one-line .list), unless
# RETORT_DEBIAN_MIRROR names one.
host_mirror() {
    { sed -n 's|^URIs: *\(https\?://[^ ]*/debian\)/\?$|\1|p' /etc/apt/sources.list.d/*.sources
      sed -nE 's%^deb +(\[[^]]*\] +)?(https?://[^ ]*/debian)/? +bookworm( |$).*%\2%p' \
          /etc/apt/sources.list /etc/apt/sources.list.d/*.list; } 2>/dev/null | head -n 1
}
mirror=${RETORT_DEBIAN_MIRROR:-$(host_mirror)}
mirror=${mirror:-http://deb.debian.org/debian}
echo "mirror: $mirror"

cache=${RETORT_TEST_ROOT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/retort-test-root}
mkdir -p "$cache/archives" || die "cannot create the cache folder $cache"
base="$cache/bookworm-minbase"
work=$(mktemp -d "${TMPDIR:-/tmp}/retort-fresh-root.XXXXXX")
trap 'rm -rf --one-file-system "$work"' EXIT
root="$work/root"

# in_root CMD...: run CMD in the root, with a clean environment and a locale the root has.
in_root() {
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive chroot "$root" "$@"
}
# older_than FILE SECONDS: FILE is missing or older than that.
older_than() { [ ! -f "$1" ] || [ $(($(now) - $(stat -c %Y "$1"))) -gt "$2" ]; }

# --- the cached root, made or refreshed under a lock (other worktrees share the cache) ---------
exec 9>"$cache/lock"
flock 9
if older_than "$base.ready" $((7 * 86400)) || [ "$(cat "$base.ready")" != "$mirror" ]; then
    phase "debootstrap --variant=minbase bookworm (the cache is missing, a week old or for another mirror)"
    rm -rf --one-file-system "$base" "$base.ready" "$base.new"
    debootstrap --variant=minbase bookworm "$base.new" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || { tail -n 20 "$work/debootstrap.log"; rm -rf --one-file-system "$base.new"; \
             die "debootstrap from $mirror failed (is the mirror reachable?)"; }
    mv "$base.new" "$base"
    echo "$mirror" >"$base.ready"
    rm -f "$base.updated"
fi
if older_than "$base.updated" 86400; then
    phase "apt-get update in the cached root (once a day)"
    cp /etc/resolv.conf "$base/etc/resolv.conf"
    root=$base in_root apt-get update -q >"$work/update.log" 2>&1 \
        || { cat "$work/update.log"; die "apt-get update in the root failed"; }
    touch "$base.updated"
fi
phase "copying the cached root"
cp -a "$base" "$root" || die "cannot copy $base"
cp -a "$cache/archives/." "$root/var/cache/apt/archives/" 2>/dev/null
flock -u 9
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/tmp/debs" && cp "$deb" "$gui_deb" "$root/tmp/debs/"

# installed_kib: the Installed-Size of every package in the root, summed (KiB).
installed_kib() {
    in_root dpkg-query -W -f '${db:Status-Abbrev} ${Installed-Size}\n' \
        | awk '$1 == "ii" { sum += $2 } END { print sum + 0 }'
}
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }

# simulate WHAT APT_OPTIONS... DEBS...: what `apt-get install` would add to the fresh root, as
# "N packages, X MiB" (the Installed-Size of each: from apt's lists, or the local package).
simulate() {
    local what=$1 sim="$work/simulated" kib=0 pkg size
    shift
    if ! in_root sh -c 'cd /tmp/debs && apt-get install -s "$@"' sh "$@" >"$sim" 2>&1; then
        cat "$sim"
        fail "apt-get cannot resolve the Depends of $what in a fresh bookworm root"
        return
    fi
    sed -n 's/^Inst \([^ ]*\) .*/\1/p' "$sim" >"$sim.names"
    for pkg in retort retort-gui; do
        grep -qxF "$pkg" "$sim.names" \
            && kib=$((kib + $(dpkg-deb --field "$debs/${pkg}_${version}_${arch}.deb" Installed-Size)))
    done
    size=$(grep -vxE 'retort|retort-gui' "$sim.names" \
        | xargs -r chroot "$root" apt-cache show --no-all-versions 2>/dev/null \
        | awk '/^Installed-Size:/ { sum += $2 } END { print sum + 0 }')
    kib=$((kib + size))
    echo "closure: $what adds $(wc -l <"$sim.names") packages, $(mib "$kib") installed (apt-get install -s, on minbase)"
}
phase "closures, simulated"
cli_name=./$(basename "$deb") gui_name=./$(basename "$gui_deb")
simulate "retort" "$cli_name"
simulate "retort without recommends" --no-install-recommends "$cli_name"
simulate "retort + retort-gui" "$cli_name" "$gui_name"
simulate "retort + retort-gui without recommends" --no-install-recommends "$cli_name" "$gui_name"

# --- retort, installed for real -------------------------------------------------------------------
phase "apt-get install ./$(basename "$deb")"
before=$(installed_kib)
if in_root sh -c "cd /tmp/debs && apt-get install -y -q ./$(basename "$deb")" \
        >"$work/install.log" 2>&1; then
    ok "apt-get install ./$(basename "$deb") in a fresh bookworm root"
else
    tail -n 30 "$work/install.log"
    die "apt-get could not install $(basename "$deb") in a fresh bookworm root"
fi
after=$(installed_kib)
count=$(grep -c '^Setting up ' "$work/install.log")
echo "closure: retort adds $count packages, $(mib $((after - before))) installed"
# Keep what apt downloaded for the next run.
flock 9 && cp -an "$root/var/cache/apt/archives/"*.deb "$cache/archives/" 2>/dev/null; flock -u 9

graphical=$(in_root dpkg-query -W -f '${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" { print $2 }' \
    | grep -E '^(libqt6gui|libqt6widgets|libqscintilla|qt6-qpa-plugins|libx11|libxcb|libgl1|libglx|libegl|libopengl|libwayland|libfontconfig|libfreetype)')
[ -z "$graphical" ] && ok "nothing graphical was installed" \
    || fail "installing retort pulled in: $(tr '\n' ' ' <<<"$graphical")"

# --- and run there --------------------------------------------------------------------------------
phase "running retort in the root"
out=$(in_root retort --version 2>&1)
expect="retort $version"
[ "$out" = "$expect" ] && ok "retort --version: $out" || fail "retort --version printed '$out', expected '$expect'"

# run WHAT CMD...: run a command in the project folder inside the root; its output in $out.
run() {
    local what=$1
    shift
    out=$(in_root sh -c 'cd /tmp/project && "$@"' sh "$@" 2>&1) && ok "$what" \
        || { fail "$what: $out"; return 1; }
}
mkdir -p "$root/tmp/project"
run "retort init" retort init . || die "cannot go on without a project"
run "retort revision -m 'add users'" retort revision -m "add users" || die "no revision file"
file=$(sed -n 's|^Generating /tmp/project/\(.*\.sql\) \.\.\..*|\1|p' <<<"$out")
rev=$(basename "$file" | cut -d_ -f1)
[ -f "$root/tmp/project/$file" ] && ok "revision $rev written" || die "no revision file in: $out"
sed -i -e '/^-- migrate:upgrade/a CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);' \
       -e '/^-- migrate:downgrade/a DROP TABLE users;' "$root/tmp/project/$file"
run "retort upgrade head" retort upgrade head
run "retort current" retort current
[ "$out" = "$rev (head)" ] && ok "current is '$out'" || fail "current printed '$out', expected '$rev (head)'"
run "retort inspect" retort inspect
grep -qi 'users' <<<"$out" && ok "the database has the table users" || fail "inspect shows no users table: $out"
run "retort downgrade base" retort downgrade base
run "retort current after downgrade" retort current
[ -z "$out" ] && ok "current is empty at base" || fail "current at base printed '$out'"

phase "done"
echo "time: $(($(now) - started)) s"
if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "retort installs and runs in a fresh Debian 12 root"
