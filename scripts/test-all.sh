#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs the real tools the tests use, then builds
# every module, runs every unit, differential and integration test, and checks formatting.
# Fails when any test fails or when no test ran at all.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-tools.sh
find . -path '*/target/surefire-reports' -prune -exec rm -rf {} + 2>/dev/null || true
./mvnw -B -ntp verify "$@"

ran=$(find . -path '*/target/surefire-reports/TEST-*.xml' -print0 \
  | xargs -0 -r grep -ho '<testsuite [^>]*tests="[0-9]*"' | grep -o 'tests="[0-9]*"' \
  | grep -o '[0-9]*' | awk '{ n += $1 } END { print n + 0 }')
ran=${ran:-0}
if [ "$ran" -eq 0 ]; then
  echo "test-all: no test ran" >&2
  exit 1
fi
echo "test-all: $ran tests ran"
