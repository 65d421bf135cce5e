#!/usr/bin/env bash
# retort-gui on a 10,000-revision branchy project whose SQLite database is at head: time from
# starting the program to the first painted graph, and the time to scroll one screen of rows and
# paint it. Targets: first paint under 500 ms, a scrolled screen under 8 ms, under 150 MB RSS.
set -uo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench="$build/bench/guistartbench"
work=$(mktemp -d /tmp/retort-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
header "GUI: open a project, first paint, scrolling"
[ -x "$bench" ] || { echo "missing $bench"; exit 1; }
dir="$work/g10000"
python3 "$here/genproject.py" "$dir" 10000 --shape branchy
(cd "$dir" && eatmydata "$build/app/cli/retort" upgrade head >/dev/null 2>&1)
paints=() scrolls=() rss=0
for _ in 1 2 3 4 5; do
    out=$(RETORT_BENCH_START_NS=$(date +%s%N) /usr/bin/time -f "rss_kb %M" \
          "$bench" "$dir" 100 2>&1 | grep -E '^(first_paint_ms|scroll_ms|rss_kb) ')
    paints+=("$(awk '$1 == "first_paint_ms" { print $2 }' <<<"$out")")
    scrolls+=("$(awk '$1 == "scroll_ms" { printf "%.1f", $2 }' <<<"$out")")
    kb=$(awk '$1 == "rss_kb" { print $2 }' <<<"$out")
    [ "${kb:-0}" -gt "$rss" ] && rss=$kb
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
row "gui start" 10000 retort-gui "start -> first paint" "$(median "${paints[@]}")" "$((rss / 1024))" "<500 ms, <150 MB"
row "gui scroll" 10000 retort-gui "one screen of rows" "$(median "${scrolls[@]}")" "" "<8 ms"
