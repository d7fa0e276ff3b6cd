#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages and starts a throw-away server on 127.0.0.1 for the feedback-store
# tests. Prints the JDBC URL, user and password as shell assignments (eval them). Stop with: .ci/postgres.sh stop
set -euo pipefail
# Below the ephemeral port range (32768-60999 on Linux), so no client socket in TIME_WAIT can hold it.
port=${CDS_PG_PORT:-25432}
data=${CDS_PG_DATA:-/tmp/sarcoma-cds-pg}

# The newest installed server (psql alone, from postgresql-client, has no initdb).
bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | while read -r d; do [ -x "$d/initdb" ] && echo "$d"; done | tail -1; }

if [ "${1:-}" = stop ]; then
  [ -d "$data" ] && runuser -u postgres -- "$(bin)/pg_ctl" -D "$data" -m fast stop >&2 || true
  exit 0
fi

if [ -z "$(bin)" ]; then
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi
pgbin=$(bin)

# A fresh cluster of our own (not Debian's default one): known port, loopback only, password auth over TCP.
runuser -u postgres -- "$pgbin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
rm -rf "$data"
install -d -o postgres -g postgres -m 700 "$data"
runuser -u postgres -- "$pgbin/initdb" -D "$data" --auth-local=trust --auth-host=scram-sha-256 -U postgres >&2
runuser -u postgres -- "$pgbin/pg_ctl" -D "$data" -w -l "$data/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $data" start >&2
runuser -u postgres -- "$pgbin/psql" -h "$data" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE cds LOGIN PASSWORD 'cds-ci'" -c "CREATE DATABASE cds_test OWNER cds" >&2

echo "CDS_PG_URL=jdbc:postgresql://127.0.0.1:$port/cds_test"
echo "CDS_PG_USER=cds"
echo "CDS_PG_PASSWORD=cds-ci"
