#!/usr/bin/env bash
# Runs every test of the solution against real PostgreSQL, SQLite and headless Chromium.
# Installs what is missing (PostgreSQL server, Chromium's headless shell, docker-compose, CJK fonts for screenshots) with apt when
# run as root on Debian/Ubuntu; otherwise says what to install. Extra arguments go to `dotnet test`.
# Results (TRX) land in TestResults/, screenshots of the end-to-end tests in TestResults/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/lib/chromium/chromium-headless-shell ] || [ -n "${SCI_CHROMIUM:-}" ] || missing+=(chromium-headless-shell)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}." >&2
    echo "Install them (on Debian/Ubuntu: sudo apt-get install -y ${missing[*]}) and run $0 again." >&2
    echo "Or point the tests at what you have: SCI_TEST_POSTGRES=<connection string>, SCI_CHROMIUM=<path>." >&2
    exit 1
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is missing: see https://dot.net (or apt-get install dotnet-sdk-10.0 where your distribution has it)." >&2
  exit 1
fi

echo "== docker-compose.yml"
POSTGRES_PASSWORD=validation-only docker-compose -f docker-compose.yml config -q
echo "docker-compose.yml is valid"

echo "== build"
dotnet tool restore >/dev/null
dotnet build SmartCityIndex.sln -c Release -nologo -v quiet

echo "== test"
rm -rf TestResults
dotnet test SmartCityIndex.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory TestResults "$@"
