#!/usr/bin/env bash
# Reproduces the portal's figures in docs/performance.md (data entry and review, issue 4): a throwaway PostgreSQL
# cluster (default durability: fsync and synchronous commit on), 1,000 cities x 5 years seeded with `sci seed`, then
# the load scripts of tests/SmartCityIndex.Load against the portal hosted in their own process (issues 4 and 5). Needs postgresql and
# chromium (apt-get install -y postgresql chromium); takes about 10 minutes on 2 cores. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
dir=$(mktemp -d)
[ "$(id -u)" = 0 ] && chown postgres "$dir"
port=${SCI_LOAD_PORT:-55433}
as_postgres "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$dir/data" -w -l "$dir/log" start -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=300" >/dev/null
trap 'as_postgres "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null; rm -rf "$dir"' EXIT
as_postgres "$pgbin/createdb" -h 127.0.0.1 -p "$port" sci
cs="Host=127.0.0.1;Port=$port;Database=sci;Username=postgres"

dotnet build SmartCityIndex.sln -c Release -nologo -v quiet
dotnet src/SmartCityIndex.Cli/bin/Release/net10.0/sci.dll seed --cities 1000 --years 5 --provider PostgreSql --connection "$cs"

load=tests/SmartCityIndex.Load/bin/Release/net10.0/SmartCityIndex.Load.dll
dotnet "$load" first-render PostgreSql "$cs" --runs 50 | grep -v '^\['
for interval in 1000 500 0; do
  dotnet "$load" autosave PostgreSql "$cs" --sessions 200 --saves 20 --interval "$interval" | grep -v '^\['
done
dotnet "$load" circuit-memory PostgreSql "$cs" --pages 50,100 | grep -v '^\['
dotnet "$load" score-run PostgreSql "$cs" --runs 20 | grep -v '^\['
