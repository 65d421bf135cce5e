#!/bin/bash
# Builds and runs the fuzz targets for ctest (see fuzztests.cmake).
#   run-fuzz.sh build BUILD_DIR              configure BUILD_DIR with clang++ (first use), build it
#   run-fuzz.sh run BUILD_DIR NAME SEED...   run fuzz_NAME over a temporary copy of the seeds
# Environment:
#   RETORT_FUZZ_SECONDS  time per target (default 60; 0: only run the seeds once)
#   RETORT_FUZZ_CXX      the compiler (default clang++)
# A crash, a sanitizer report, a broken property or a hang (an input taking longer than 20 s)
# fails the test; the input is saved in BUILD_DIR/artifacts/NAME/ (cleared at each run) and its
# path printed. Without clang++ and libFuzzer the tests are skipped (exit 77), unless
# RETORT_REQUIRE_SERVERS=1 (`make test`), where that is a failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CXX=${RETORT_FUZZ_CXX:-clang++}
MODE=${1:?usage: run-fuzz.sh build BUILD_DIR | run BUILD_DIR NAME SEED...}
BUILD=${2:?missing BUILD_DIR}

# Links an empty fuzz target: proves clang++, libFuzzer and both sanitizer runtimes are there.
require_clang() {
    local probe status=0
    probe=$(mktemp -d "${TMPDIR:-/tmp}/retort-fuzz-probe.XXXXXX")
    printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char *, unsigned long) { return 0; }\n' \
        >"$probe/probe.cpp"
    if ! command -v "$CXX" >/dev/null 2>&1; then
        echo "$CXX: command not found" >&2
        status=1
    elif ! "$CXX" -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe" \
        >"$probe/log" 2>&1; then
        sed -n 1,5p "$probe/log" >&2
        status=1
    fi
    rm -rf "$probe"
    [ $status = 0 ] && return
    local msg="$CXX with libFuzzer and the sanitizers is not available; install clang and libclang-rt-14-dev (make deps)"
    if [ "${RETORT_REQUIRE_SERVERS:-}" = 1 ]; then
        echo "FAILED: $msg." >&2
        exit 1
    fi
    echo "SKIPPED: $msg."
    exit 77
}

build() {
    require_clang
    if [ ! -f "$BUILD/build.ninja" ]; then
        local launcher=()
        command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        cmake -S "$ROOT/tests/fuzz" -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER="$CXX" "${launcher[@]}"
    fi
    cmake --build "$BUILD"
}

# Copies the seeds into $1: folders file by file, string literals of .cpp/.inc files.
collect_seeds() {
    local corpus=$1 seed path n=0 file
    shift
    for seed in "$@"; do
        path=$ROOT/$seed
        if [ -d "$path" ]; then
            while IFS= read -r -d '' file; do
                n=$((n + 1))
                cp "$file" "$corpus/seed-$n"
            done < <(find "$path" -type f -print0)
        elif [[ $path == *.cpp || $path == *.inc ]]; then
            "${RETORT_PYTHON:-python3}" "$ROOT/tests/fuzz/extract-seeds.py" "$corpus" "$path" >/dev/null
        elif [ -f "$path" ]; then
            n=$((n + 1))
            cp "$path" "$corpus/seed-$n"
        else
            echo "FAILED: seed $seed does not exist (tests/fuzz/targets.cmake)." >&2
            exit 1
        fi
    done
    echo "$(find "$corpus" -type f | wc -l) seed inputs from: $*"
}

run() {
    local name=${3:?missing target NAME}
    shift 3
    local bin=$BUILD/fuzz_$name artifacts=$BUILD/artifacts/$name log=$BUILD/logs/$name.log
    local seconds=${RETORT_FUZZ_SECONDS:-60} limit
    if ! [[ $seconds =~ ^[0-9]+$ ]]; then
        echo "FAILED: RETORT_FUZZ_SECONDS must be a number of seconds, not '$seconds'." >&2
        exit 1
    fi
    # 0: only run the seeds once (libFuzzer's -max_total_time=0 would mean "no limit").
    if [ "$seconds" = 0 ]; then limit=-runs=0; else limit=-max_total_time=$seconds; fi
    if [ ! -x "$bin" ]; then
        require_clang
        echo "FAILED: $bin was not built; see the output of the test fuzz_build." >&2
        exit 1
    fi
    rm -rf "$artifacts"
    mkdir -p "$artifacts" "$(dirname "$log")"
    corpus=$(mktemp -d "${TMPDIR:-/tmp}/retort-fuzz-$name.XXXXXX")
    trap 'rm -rf "$corpus"' EXIT
    collect_seeds "$corpus" "$@"

    # Leak detection is off: Qt's global statics (the codecs, the regular-expression cache) are
    # never freed, by design, and every run would report them.
    local status=0
    ASAN_OPTIONS=detect_leaks=0:${ASAN_OPTIONS:-} \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-} \
        "$bin" "$limit" -max_len=4096 -timeout=20 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 "$corpus" >"$log" 2>&1 || status=$?
    local saved
    saved=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \
        -o -name 'leak-*' \) | sort)
    if [ $status != 0 ] || [ -n "$saved" ]; then
        # The report (from its first line, where the stack is) and libFuzzer's last words.
        local report='ERROR: |runtime error:|property failed:|ALARM: working on the last Unit'
        if grep -qE "$report" "$log"; then
            awk -v total="$(wc -l <"$log")" -v report="$report" '
                !start && $0 ~ report { start = NR }
                start && (NR < start + 45 || NR > total - 12) { print; next }
                start && !cut { print "..."; cut = 1 }' "$log"
        else
            tail -n 40 "$log"
        fi
        echo
        echo "FAILED: fuzz_$name exited with $status (full log: $log)."
        for file in $saved; do
            echo "Input saved in $file; rerun it with:"
            echo "  ASAN_OPTIONS=detect_leaks=0 $bin $file"
        done
        exit 1
    fi
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
    echo "fuzz_$name: no crash in $seconds s$([ "$seconds" = 0 ] && echo " (the seeds only)") (log: $log)."
}

case $MODE in
    build) build ;;
    run) run "$@" ;;
    *) echo "usage: run-fuzz.sh build BUILD_DIR | run BUILD_DIR NAME SEED..." >&2; exit 2 ;;
esac
