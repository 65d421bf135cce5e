#!/bin/bash
# Fixture of the packaging tests: runs CPack on a built tree and leaves both packages,
# retort_<version>_<arch>.deb and retort-gui_<version>_<arch>.deb, in OUT_DIR (emptied first).
# OUT_DIR is not the build directory itself, so that the tests and `make package` do not step
# on each other.
# Usage: build_debs.sh CPACK BUILD_DIR OUT_DIR VERSION
set -u -o pipefail
cpack=$1 build=$2 out=$3 version=$4

command -v dpkg-shlibdeps >/dev/null || { echo "FAIL: dpkg-shlibdeps is not installed (dpkg-dev)"; exit 1; }
rm -rf "$out"
mkdir -p "$out"
if ! "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log"
    echo "FAIL: cpack did not build the packages (are retort, retort-gui and the man pages built?)"
    exit 1
fi
arch=$(dpkg --print-architecture)
status=0
for package in retort retort-gui; do
    deb="$out/${package}_${version}_${arch}.deb"
    [ -f "$deb" ] && echo "ok: cpack wrote $(basename "$deb")" \
        || { echo "FAIL: cpack wrote no $(basename "$deb")"; status=1; }
done
ls "$out"
exit $status
