#!/usr/bin/env bash
# Runs every test project of Affairs.sln and prints one closing line: "Tests: N passed, N failed, N skipped".
# Starts what the tests need (see scripts/services.sh) and stops it again, whatever the outcome.
set -uo pipefail
cd "$(dirname "$0")/.."

results="$(mktemp -d "${TMPDIR:-/tmp}/affairs-test-results.XXXXXX")"
cleanup() {
    [ -f scripts/services.sh ] && bash scripts/services.sh stop || true
    rm -rf "$results"
}
trap cleanup EXIT

# The console's browser tests drive Debian's chromium (with CJK fonts for its screenshots); without it they are skipped.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; } >/dev/null 2>&1 \
        || echo "could not install chromium: the console's browser tests will be skipped"
fi

if [ -f scripts/services.sh ]; then
    # shellcheck disable=SC1091
    eval "$(bash scripts/services.sh start)" || { echo "could not start the test services"; echo "Tests: 0 passed, 1 failed"; exit 1; }
fi

dotnet test Affairs.sln --configuration Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
    skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # The build or a test host failed before any result was written: count it as a failure.
    failed=1
fi
if [ "$files" -eq 0 ] && [ "$status" -eq 0 ]; then
    echo "no test results were written"
    failed=1
fi

echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
