# Shared by the bench_*.sh scripts: timing and table printing.

# measure RUNS CMD... -> "median_ms peak_rss_mb" over RUNS runs (stdout of CMD discarded).
measure() {
    local runs=$1; shift
    local times=() rss=0 out
    out=$(mktemp)
    for _ in $(seq "$runs"); do
        # Wall time from the clock in nanoseconds (time's %e has 10 ms steps); peak RSS from time.
        local t0 t1
        t0=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$out" "$@" >/dev/null 2>&1
        t1=$(date +%s%N)
        read -r kb < <(tail -1 "$out")
        times+=("$(( (t1 - t0) / 1000000 ))")
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
