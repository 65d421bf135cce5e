#!/usr/bin/env bash
# Revision-graph commands on generated projects of 1,000 and 10,000 revisions, Retort vs Alembic.
# Target at 10,000 revisions: each retort command under 100 ms and 60 MB RSS.
set -uo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
retort="$build/app/cli/retort"
work=$(mktemp -d /tmp/retort-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
header "Revision graph: heads, history, show head"
for size in 1000 10000; do
    for shape in linear branchy; do
        dir="$work/r-$shape-$size"
        python3 "$here/genproject.py" "$dir" "$size" --shape "$shape"
        for cmd in heads history "show head"; do
            # shellcheck disable=SC2086
            read -r ms mb < <(cd "$dir" && measure 5 "$retort" $cmd)
            row "graph ($shape)" "$size" retort "$cmd" "$ms" "$mb" "<100 ms, <60 MB"
        done
        if command -v alembic >/dev/null; then
            adir="$work/a-$shape-$size"
            python3 "$here/genproject.py" "$adir" "$size" --shape "$shape" --alembic
            runs=3; [ "$size" -ge 10000 ] && runs=1
            for cmd in heads history "show head"; do
                # shellcheck disable=SC2086
                read -r ms mb < <(cd "$adir" && measure $runs alembic $cmd)
                row "graph ($shape)" "$size" alembic "$cmd" "$ms" "$mb" ""
            done
        fi
    done
done
