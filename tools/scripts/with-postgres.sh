#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: `with-postgres.sh CMD ARGS…` starts a fresh
# cluster (initdb in a temp dir, trust auth, a free port on 127.0.0.1, its socket in the same dir),
# exports STRAND_TEST_POSTGRES_URL=postgres://strand@127.0.0.1:PORT/postgres, runs CMD and stops
# and deletes the cluster whatever CMD returns. A STRAND_TEST_POSTGRES_URL already set is used as
# it is (no cluster started). Without Debian's PostgreSQL binaries (apt-get install -y postgresql)
# it prints why and exits 0 without running CMD: the PostgreSQL specs are skipped, not failed.
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail
if [ -n "${STRAND_TEST_POSTGRES_URL:-}" ]; then exec "$@"; fi
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: PostgreSQL is not installed (apt-get install -y postgresql): skipping the PostgreSQL specs" >&2
  exit 0
fi
as_owner=()
if [ "$(id -u)" = 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root and there is no 'postgres' user: skipping the PostgreSQL specs" >&2
    exit 0
  fi
  as_owner=(runuser -u postgres --)
fi
dir="$(mktemp -d /tmp/strand-pg-XXXXXX)"
[ ${#as_owner[@]} -gt 0 ] && chown postgres "$dir"
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")"
cleanup() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U strand --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
export STRAND_TEST_POSTGRES_URL="postgres://strand@127.0.0.1:$port/postgres"
echo "with-postgres: throwaway PostgreSQL on 127.0.0.1:$port" >&2
set +e
"$@"
code=$?
exit $code
