#!/usr/bin/env bash
# make run: start retort-gui on a fresh copy of the bundled example project, so the repository
# is never modified. The copy stays in /tmp for the user to look at afterwards.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/retort-example.XXXXXX)
cp -r "$root/resources/example" "$work/blog"
# Bring the database part of the way, so the graph shows applied and pending revisions.
"$root/$build/app/cli/retort" -c "$work/blog/retort.ini" upgrade 7c2e91d04a3b >/dev/null 2>&1 || true
echo "Example project copied to $work/blog"
exec "$root/$build/app/gui/retort-gui" "$work/blog"
