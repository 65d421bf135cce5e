#!/bin/bash
# The man pages against the programs' own help, so that neither can drift from the other:
# - retort(1) has an entry under COMMANDS for every verb of `retort --help`, and no other;
# - each verb's entry names every option of `retort VERB --help`, and no option the verb lacks
#   (-h/--help, -c/--config and --url, which every verb takes, are described once, under OPTIONS);
# - OPTIONS of retort(1) and of retort-gui(1) name every option of the program's --help, and
#   no other.
# Usage: check_manpages.sh RETORT RETORT_MAN RETORT_GUI RETORT_GUI_MAN  (pages as .1 or .1.gz)
set -u -o pipefail

retort=$1 retort_man=$2 gui=$3 gui_man=$4
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# The page as plain text, one paragraph per line (very long lines, no hyphenation, no bold).
render() {
    case $1 in
    *.gz) gzip -dc "$1" ;;
    *) cat "$1" ;;
    esac | groff -man -Tascii -rLL=2000n -rHY=0 -P-cbou 2>/dev/null
}
# section TEXT_FILE NAME: the lines of one section (from "NAME" to the next heading).
section() { awk -v name="$2" '/^[A-Z]/ { on = ($0 == name); next } on' "$1"; }
# Option words (-x, --long-name) in text on stdin, one per line, sorted, unique. Words only:
# "non-head" or "-1" are not options.
options_in() { grep -oE '(^|[^-A-Za-z0-9])--?[a-z][a-z-]*' | sed 's/^[^-]*//' | sort -u; }
# Options a --help output on stdin lists: "  -m, --message <MSG>  ..." gives -m and --message.
help_options() {
    grep -E '^ {2,}-' | sed -E 's/^ +//; s/  .*//; s/ <[^>]*>//g; s/ [A-Z]+$//' | tr ',' '\n' \
        | sed 's/^ *//; s/[ =].*//' | grep -E '^-' | sort -u
}
# compare WHAT WANTED_FILE FOUND_FILE: every wanted word found, and nothing else found.
compare() {
    local word
    for word in $(comm -23 "$2" "$3"); do fail "$1 does not describe $word"; done
    for word in $(comm -13 "$2" "$3"); do fail "$1 describes $word, which --help does not list"; done
    [ -z "$(comm -3 "$2" "$3")" ] && ok "$1 describes exactly $(tr '\n' ' ' <"$2")"
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$scratch"

# --- retort -------------------------------------------------------------------------------------
"$retort" --help >"$scratch/help" || { echo "FAIL: $retort --help failed"; exit 1; }
render "$retort_man" >"$scratch/man"
[ -s "$scratch/man" ] || { echo "FAIL: $retort_man does not format"; exit 1; }

sed -n '/^Options:/,/^$/p' "$scratch/help" | help_options >"$scratch/global.want"
section "$scratch/man" OPTIONS | options_in >"$scratch/global.found"
compare "OPTIONS of retort(1)" "$scratch/global.want" "$scratch/global.found"

sed -n '/^Commands:/,/^$/p' "$scratch/help" | sed -nE 's/^  ([a-z][a-z-]*) .*/\1/p' | sort \
    >"$scratch/verbs.want"
[ -s "$scratch/verbs.want" ] || { echo "FAIL: no Commands: in retort --help"; exit 1; }
section "$scratch/man" COMMANDS >"$scratch/commands"
sed -nE 's/^ {7}([a-z][a-z-]*)( .*)?$/\1/p' "$scratch/commands" | sort -u >"$scratch/verbs.found"
compare "COMMANDS of retort(1)" "$scratch/verbs.want" "$scratch/verbs.found"

for verb in $(cat "$scratch/verbs.want"); do
    "$retort" "$verb" --help >"$scratch/verb.help" 2>&1 \
        || { fail "retort $verb --help failed: $(cat "$scratch/verb.help")"; continue; }
    help_options <"$scratch/verb.help" | grep -vxE -e '-h|--help|-c|--config|--url' \
        >"$scratch/verb.want"
    # The verb's entry: from its line at indent 7 to the next line at indent 7.
    awk -v verb="$verb" '/^ {7}[^ ]/ { split($0, w, " "); on = (w[1] == verb) } on' \
        "$scratch/commands" | options_in >"$scratch/verb.found"
    compare "retort(1) on $verb" "$scratch/verb.want" "$scratch/verb.found"
done

for word in RETORT_URL retort.ini; do
    grep -qF -e "$word" "$scratch/man" && ok "retort(1) mentions $word" \
        || fail "retort(1) does not mention $word"
done
# The exit statuses that --help states.
grep -q '^EXIT STATUS' "$scratch/man" && ok "retort(1) has EXIT STATUS" \
    || fail "retort(1) has no EXIT STATUS section"
for status in $(sed -n 's/^Exit status: //p' "$scratch/help" | grep -oE '(^|, )[0-9]+' | tr -d ', '); do
    section "$scratch/man" "EXIT STATUS" | grep -qE "^ {7}$status( |$)" \
        && ok "EXIT STATUS describes $status" || fail "EXIT STATUS does not describe $status"
done

# --- retort-gui ----------------------------------------------------------------------------------
"$gui" --help >"$scratch/gui.help" 2>/dev/null || { echo "FAIL: $gui --help failed"; exit 1; }
render "$gui_man" >"$scratch/gui.man"
help_options <"$scratch/gui.help" >"$scratch/gui.want"
section "$scratch/gui.man" OPTIONS | options_in >"$scratch/gui.found"
compare "OPTIONS of retort-gui(1)" "$scratch/gui.want" "$scratch/gui.found"

if [ "$failures" -ne 0 ]; then
    echo "$failures man page check(s) failed"
    exit 1
fi
echo "the man pages match the programs' help"
