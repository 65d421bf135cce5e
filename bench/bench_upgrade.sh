#!/usr/bin/env bash
# Upgrade of N one-statement revisions on a fresh SQLite file, then downgrade to base:
# Retort vs Alembic vs the floor (the same statements run by the sqlite3 shell, one transaction
# per revision), each with real fsync and under eatmydata (no fsync: the CPU cost).
# Target: Retort within 1.3x of the floor in both modes. Also `current` and a no-op upgrade at
# head of a 10,000-revision project: under 100 ms each.
set -uo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
retort="$build/app/cli/retort"
work=$(mktemp -d /tmp/retort-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

floor_script() { # DIR N: what one revision at a time costs in the sqlite3 shell
    local prev=""
    {
        echo "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));"
        for f in "$1"/migrations/versions/*.sql; do
            rev=$(basename "$f" | cut -c1-12)
            echo "BEGIN;"
            echo "CREATE TABLE t_$rev (id INTEGER PRIMARY KEY);"
            if [ -z "$prev" ]; then echo "INSERT INTO alembic_version VALUES ('$rev');"
            else echo "UPDATE alembic_version SET version_num='$rev' WHERE version_num='$prev';"; fi
            echo "COMMIT;"
            prev=$rev
        done
    }
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# updown RUNS N MODE(fsync|nofsync) TOOL DB UP [DOWN]: RUNS times, on a fresh database DB, the
# command line UP (then DOWN, from where UP left it); a row for the median of each.
# Sets $up_ms for the caller.
updown() {
    local runs=$1 n=$2 mode=$3 tool=$4 db=$5 up=$6 down=${7:-}
    local wrap="" ups=() downs=() upmb=0 downmb=0 ms mb
    [ "$mode" = nofsync ] && wrap=eatmydata
    for _ in $(seq "$runs"); do
        rm -f "$db"
        read -r ms mb < <(measure 1 $wrap bash -c "$up")
        ups+=("$ms"); [ "$mb" -gt "$upmb" ] && upmb=$mb
        if [ -n "$down" ]; then
            read -r ms mb < <(measure 1 $wrap bash -c "$down")
            downs+=("$ms"); [ "$mb" -gt "$downmb" ] && downmb=$mb
        fi
    done
    up_ms=$(median "${ups[@]}")
    local target="<=1.3x floor"
    [ "$tool" = "sqlite3 exclusive" ] && target="(information)"
    [ -n "${floor_ms:-}" ] && [ "$tool" != "sqlite3 (floor)" ] &&
        target="$(awk -v a="$up_ms" -v b="$floor_ms" 'BEGIN { printf "%.2fx floor", a / b }')"
    row "upgrade ($mode)" "$n" "$tool" "" "$up_ms" "$upmb" "$target"
    [ -n "$down" ] && row "downgrade base ($mode)" "$n" "$tool" "" "$(median "${downs[@]}")" "$downmb" ""
}

header "Upgrade and downgrade on SQLite"
for n in 1000 10000; do
    dir="$work/r$n"
    python3 "$here/genproject.py" "$dir" "$n"
    floor_script "$dir" > "$work/floor$n.sql"
    adir="$work/a$n"
    command -v alembic >/dev/null && python3 "$here/genproject.py" "$adir" "$n" --alembic
    # Write the generated files out now: their writeback made the floor's journal-file creations
    # (one per transaction) up to 5x slower in the next seconds.
    sync
    runs=3; [ "$n" -ge 10000 ] && runs=1
    for mode in nofsync fsync; do
        floor_ms=""
        updown "$runs" "$n" "$mode" "sqlite3 (floor)" "$work/floor.db" \
            "sqlite3 '$work/floor.db' '.read $work/floor$n.sql'"
        floor_ms=$up_ms
        # A stricter floor, for information: the shell in exclusive locking mode, as Retort runs
        # under its lock, which keeps the rollback journal between transactions.
        (echo "PRAGMA locking_mode=EXCLUSIVE;"; cat "$work/floor$n.sql") > "$work/floorx$n.sql"
        saved=$floor_ms; floor_ms=""
        updown "$runs" "$n" "$mode" "sqlite3 exclusive" "$work/floor.db" \
            "sqlite3 '$work/floor.db' '.read $work/floorx$n.sql' >/dev/null"
        floor_ms=$saved
        updown "$runs" "$n" "$mode" retort "$dir/bench.db" \
            "'$retort' -c '$dir/retort.ini' upgrade head" "'$retort' -c '$dir/retort.ini' downgrade base"
        if command -v alembic >/dev/null && { [ "$n" -lt 10000 ] || [ "$mode" = nofsync ]; }; then
            updown 1 "$n" "$mode" alembic "$adir/bench.db" \
                "cd '$adir' && alembic upgrade head" "cd '$adir' && alembic downgrade base"
        fi
    done
done
dir="$work/r10000"
"$retort" -c "$dir/retort.ini" upgrade head >/dev/null 2>&1
sync # the upgrade's writeback would land in the next timings
read -r ms mb < <(measure 5 "$retort" -c "$dir/retort.ini" current)
row "current at head" 10000 retort current "$ms" "$mb" "<100 ms"
read -r ms mb < <(measure 5 "$retort" -c "$dir/retort.ini" upgrade head)
row "no-op upgrade at head" 10000 retort "upgrade head" "$ms" "$mb" "<100 ms"
