#!/usr/bin/env bash
# Introspect and compare a 500-table schema on SQLite and PostgreSQL, Retort vs Alembic's
# compare_metadata. Target: Retort at least 10x faster on each engine.
set -uo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
work=$(mktemp -d /tmp/retort-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export PYTHONPATH=
header "Schema: introspect + compare (one FK chain through all tables)"
# SQLAlchemy 1.4's reflection recurses along foreign keys and crashes past ~180 chained tables,
# so Alembic is also measured at 150 tables, where it still works.
run_pair() { # ENGINE RETORT_URL SQLALCHEMY_URL
    for n in 150 500; do run_size "$@" "$n"; done
}
run_size() { # ENGINE RETORT_URL SQLALCHEMY_URL N
    local n=$4 url=$2
    [ "$1" = sqlite ] && url="${2%.db}_$n.db"
    local aurl=$3
    [ "$1" = sqlite ] && aurl="${3%.db}_$n.db"
    if [ "$1" = postgresql ]; then
        local db="bench_$n"
        $RETORT_TEST_PG_ADMIN -c "CREATE DATABASE $db" >/dev/null 2>&1
        url="${2%/*}/$db"; aurl="${3%/*}/$db"
    fi
    read -r ims dms count < <("$build/bench/schemabench" "$url" "$n")
    row "schema ($1)" "$count" retort "introspect" "$ims" "" ""
    row "schema ($1)" "$count" retort "diff" "$dms" "" ""
    row "schema ($1)" "$count" retort "introspect + diff" "$((ims + dms))" "" ">=10x alembic"
    if /usr/bin/python3 -c "import alembic" 2>/dev/null; then
        ams=$(/usr/bin/python3 "$here/alembic_compare.py" "$aurl" "$n" 2>&1 | tail -1 | cut -c1-40)
        row "schema ($1)" "$n" alembic "compare_metadata" "$ams" "" ""
    fi
}
run_pair sqlite "sqlite:///$work/s.db" "sqlite:///$work/s.db"
pg_bench() {
    local u=${RETORT_TEST_PG_URL#postgresql://}
    run_pair postgresql "$RETORT_TEST_PG_URL" "postgresql+psycopg2://$u"
}
export -f pg_bench run_pair run_size row
export build here
if [ -n "${RETORT_TEST_PG_URL:-}" ]; then pg_bench
else "$here/../scripts/with-test-dbs.sh" bash -c pg_bench 2>/dev/null | grep -v '^with-test-dbs'; fi
