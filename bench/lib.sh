# Shared by the bench_*.sh scripts: timing and table printing.

# measure RUNS CMD... -> "median_ms peak_rss_mb" over RUNS runs (stdout of CMD discarded).
measure() {
    local runs=$1; shift
    local times=() rss=0 out
    out=$(mktemp)
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null 2>&1
        read -r secs kb < <(tail -1 "$out")
        times+=("$(awk -v s="$secs" 'BEGIN { printf "%d", s * 1000 }')")
        [ "$kb" -gt "$rss" ] && rss=$kb
    done
    rm -f "$out"
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    echo "$median $((rss / 1024))"
}

# row BENCH SIZE TOOL COMMAND MS RSS TARGET
row() {
    printf '| %-24s | %6s | %-8s | %-22s | %9s | %7s | %-14s |\n' "$@"
}

header() {
    echo
    echo "### $1"
    row benchmark size tool command "median ms" "RSS MB" target
    row "---" "---" "---" "---" "---" "---" "---"
}
