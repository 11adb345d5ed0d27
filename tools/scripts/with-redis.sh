#!/usr/bin/env bash
# Runs a command with a throwaway Redis: `with-redis.sh CMD ARGS…` starts redis-server on a free
# port of 127.0.0.1 (no persistence, its files in a temp dir), exports
# STRAND_TEST_REDIS_URL=redis://127.0.0.1:PORT, runs CMD and stops the server and deletes the dir
# whatever CMD returns. A STRAND_TEST_REDIS_URL already set is used as it is. Without Debian's
# redis-server (apt-get install -y redis-server) it prints why and exits 0 without running CMD:
# the cluster specs are skipped, not failed (as with-postgres.sh does for PostgreSQL).
set -euo pipefail
if [ -n "${STRAND_TEST_REDIS_URL:-}" ]; then exec "$@"; fi
if ! command -v redis-server >/dev/null; then
  echo "with-redis: redis-server is not installed (apt-get install -y redis-server): skipping the cluster specs" >&2
  exit 0
fi
dir="$(mktemp -d /tmp/strand-redis-XXXXXX)"
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")"
redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save '' --appendonly no \
  --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
cleanup() {
  [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  redis-cli -p "$port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -p "$port" ping >/dev/null || { cat "$dir/redis.log" >&2; exit 1; }
export STRAND_TEST_REDIS_URL="redis://127.0.0.1:$port"
echo "with-redis: throwaway Redis on 127.0.0.1:$port" >&2
set +e
"$@"
code=$?
exit $code
