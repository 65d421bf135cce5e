#!/bin/sh
# Entrypoint for an application image that brings its database to head before it starts:
# `retort upgrade head && exec uvicorn main:app ...`. Its arguments are the application's
# command (the image's CMD); without any, `uvicorn main:app` on port $PORT (default 8000).
# The project is retort.ini in the working directory or a parent, or the file RETORT_CONFIG
# names; the database is RETORT_URL, or the url of the ini.
# Several replicas starting at once are safe: retort holds a database lock for the upgrade, so
# each revision runs once and the others find the database at head.
set -eu
if [ -n "${RETORT_CONFIG:-}" ]; then
    retort -c "$RETORT_CONFIG" upgrade head
else
    retort upgrade head
fi
[ "$#" -gt 0 ] || set -- uvicorn main:app --host 0.0.0.0 --port "${PORT:-8000}"
exec "$@"
