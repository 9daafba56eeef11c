#!/usr/bin/env bash
# The production recipe on one machine: Varnish (Debian's package) in front of gunicorn.
#
#   deploy/serve-with-varnish.sh        # or: make serve-varnish
#
# Varnish answers on 127.0.0.1:$PORT (default 8080) and keeps public pages; gunicorn serves the
# site on 127.0.0.1:$BACKEND_PORT (default 8001) with the settings of `make run`
# (sts_learn.settings.local unless DJANGO_SETTINGS_MODULE says otherwise) and purges changed
# pages through Varnish. Installs varnish with apt-get when it is missing (needs root).
# Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8080}"
BACKEND_PORT="${BACKEND_PORT:-8001}"
VARNISH_MEMORY="${VARNISH_MEMORY:-256m}"
BIN="${BIN:-.venv/bin}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-sts_learn.settings.local}"
export FRONTEND_CACHE_PURGE_URL="${FRONTEND_CACHE_PURGE_URL:-http://127.0.0.1:$PORT}"
# Varnish appends the visitor's address to X-Forwarded-For: sign-in throttling reads it there.
export TRUSTED_PROXY_COUNT="${TRUSTED_PROXY_COUNT:-1}"

if ! command -v varnishd >/dev/null 2>&1 && [ ! -x /usr/sbin/varnishd ]; then
    echo "Installing Varnish from Debian's packages..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null
fi
VARNISHD="$(command -v varnishd || echo /usr/sbin/varnishd)"

workdir="$(mktemp -d /tmp/sts-varnish.XXXXXX)"
chmod 755 "$workdir"
sed -e "s/BACKEND_HOST/127.0.0.1/" -e "s/BACKEND_PORT/$BACKEND_PORT/" deploy/varnish.vcl \
    > "$workdir/site.vcl"
chmod 644 "$workdir/site.vcl"

GUNICORN_BIND="127.0.0.1:$BACKEND_PORT" "$BIN/gunicorn" -c deploy/gunicorn.conf.py sts_learn.wsgi &
gunicorn_pid=$!
"$VARNISHD" -F -n "$workdir/state" -a "127.0.0.1:$PORT" -f "$workdir/site.vcl" \
    -s "malloc,$VARNISH_MEMORY" -p default_ttl=0 &
varnish_pid=$!

stop() {
    kill "$varnish_pid" "$gunicorn_pid" 2>/dev/null || true
    wait "$varnish_pid" "$gunicorn_pid" 2>/dev/null || true
    rm -rf "$workdir"
}
trap stop EXIT INT TERM

echo ""
echo "  STS Learn through Varnish: http://127.0.0.1:$PORT/  (gunicorn behind it on :$BACKEND_PORT)"
echo ""
wait -n "$varnish_pid" "$gunicorn_pid"
