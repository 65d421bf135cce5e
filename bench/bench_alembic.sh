#!/usr/bin/env bash
# Existing Alembic projects opened in place (README "Using Retort with an existing Alembic
# project"): `history` and `heads` on 1,000 and 5,000 Python revisions, Retort (native reader,
# no Python) vs the project's own `alembic`; and retort-gui's first painted graph on a
# 1,000-revision Alembic project whose SQLite database is at head.
# Targets: history on 1,000 revisions under 60 ms and at least 30x faster than alembic;
# the GUI's first paint under 400 ms.
set -uo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
retort="$build/app/cli/retort"
alembic=$(command -v alembic || true)
work=$(mktemp -d /tmp/retort-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
header "Alembic project in place: history, heads (Retort native vs alembic)"
[ -n "$alembic" ] || echo "(alembic not on PATH: only Retort's rows)"
ratio() { awk -v a="$1" -v r="$2" 'BEGIN { if (r > 0) printf "%.0fx", a / r; else print "-" }'; }
for size in 1000 5000; do
    dir="$work/a$size"
    python3 "$here/genproject.py" "$dir" "$size" --shape branchy --alembic
    for cmd in history heads; do
        read -r rms rmb < <(cd "$dir" && measure 5 "$retort" -c alembic.ini "$cmd")
        target=""; [ "$cmd" = history ] && [ "$size" = 1000 ] && target="<60 ms, >=30x"
        row "alembic project" "$size" retort "$cmd" "$rms" "$rmb" "$target"
        if [ -n "$alembic" ]; then
            read -r ams amb < <(cd "$dir" && measure 3 "$alembic" -c alembic.ini "$cmd")
            row "alembic project" "$size" alembic "$cmd" "$ams" "$amb" "retort $(ratio "$ams" "$rms") faster"
        fi
    done
done

bench="$build/bench/guistartbench"
if [ -x "$bench" ] && [ -n "$alembic" ]; then
    dir="$work/a1000"
    (cd "$dir" && "$alembic" -c alembic.ini upgrade heads >/dev/null 2>&1)
    paints=() rss=0
    for _ in 1 2 3 4 5; do
        out=$(cd "$dir" && RETORT_BENCH_START_NS=$(date +%s%N) /usr/bin/time -f "rss_kb %M" \
              "$bench" "$dir/alembic.ini" 0 2>&1 | grep -E '^(first_paint_ms|rss_kb) ')
        paints+=("$(awk '$1 == "first_paint_ms" { print $2 }' <<<"$out")")
        kb=$(awk '$1 == "rss_kb" { print $2 }' <<<"$out")
        [ "${kb:-0}" -gt "$rss" ] && rss=$kb
    done
    median=$(printf '%s\n' "${paints[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    row "alembic gui start" 1000 retort-gui "start -> first paint" "$median" "$((rss / 1024))" "<400 ms"
fi
