#!/usr/bin/env bash
# Runs every test: the unit and integration tests of every package (Jest via
# backstage-cli; database tests on SQLite and PostgreSQL 15) and the browser
# test (playwright-core driving Debian Chromium against the started product).
# Brings what it needs: Node 24, dependencies, PostgreSQL 15, Chromium.
# Ends with a plain "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh || exit 1
source scripts/env.sh
scripts/ensure-chromium.sh || exit 1
command -v kubectl >/dev/null || { echo "test.sh: kubectl is needed as the reference of the differential tests" >&2; exit 1; }

if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  eval "$(scripts/postgres.sh start)" || exit 1
  trap 'scripts/postgres.sh stop' EXIT
fi
export BACKSTAGE_TEST_DISABLE_DOCKER=1
mkdir -p test-results
rm -f test-results/jest.json test-results/e2e.tap

echo "== unit and integration tests"
CI=true yarn backstage-cli repo test --ci --json --outputFile="$PWD/test-results/jest.json"
jest_rc=$?

echo "== browser tests"
# One after the other: each starts its own product (the legacy dev app; the new frontend
# system's dev app, packages/app-next; a production build on 5,000 services).
node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=test-results/e2e.tap e2e/run.mjs e2e/next.mjs e2e/fleet.mjs
e2e_rc=$?

node -e '
const fs = require("fs");
let passed = 0, failed = 0;
try { const j = JSON.parse(fs.readFileSync("test-results/jest.json", "utf8")); passed += j.numPassedTests; failed += j.numFailedTests + (j.numRuntimeErrorTestSuites || 0); } catch { failed += 1; }
try { const t = fs.readFileSync("test-results/e2e.tap", "utf8"); passed += Number((/^# pass (\d+)/m.exec(t) || [0, 0])[1]); failed += Number((/^# fail (\d+)/m.exec(t) || [0, 1])[1]); } catch { failed += 1; }
const line = `${passed} passed, ${failed} failed`;
fs.writeFileSync("test-results/summary.txt", line + "\n");
console.log(line);
'
[ "$jest_rc" = 0 ] && [ "$e2e_rc" = 0 ]
