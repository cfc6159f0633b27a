#!/usr/bin/env bash
# Prints one closing line, `tests: N passed, M failed`, from the output of `swift test`.
#
# `swift test` runs XCTest and then Swift Testing, and the last thing it prints is Swift Testing's summary,
# which says "0 tests" when all tests are XCTest ones; this line adds both up so the log ends with the truth.
set -euo pipefail

log="${1:?usage: test-summary.sh SWIFT_TEST_LOG}"

# XCTest: the last "Executed N tests, with [K tests skipped and] M failures" line is the total over all suites.
xctest_line="$(grep -E 'Executed [0-9]+ tests?, with .*[0-9]+ failures?' "${log}" | tail -n 1 || true)"
xctest_total=0
xctest_failed=0
xctest_skipped=0
if [[ -n "${xctest_line}" ]]; then
    xctest_total="$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"${xctest_line}")"
    xctest_failed="$(sed -E 's/.* ([0-9]+) failures?.*/\1/' <<<"${xctest_line}")"
    if grep -qE '[0-9]+ tests? skipped' <<<"${xctest_line}"; then
        xctest_skipped="$(sed -E 's/.*with ([0-9]+) tests? skipped.*/\1/' <<<"${xctest_line}")"
    fi
fi

# Swift Testing: "Test run with N tests in K suites passed|failed ..."; each failing test has its own line.
testing_line="$(grep -E 'Test run with [0-9]+ tests?' "${log}" | tail -n 1 || true)"
testing_total=0
if [[ -n "${testing_line}" ]]; then
    testing_total="$(sed -E 's/.*Test run with ([0-9]+) tests?.*/\1/' <<<"${testing_line}")"
fi
testing_failed="$(grep -E '^.{0,4}Test [^ ].* failed after' "${log}" | grep -vc 'Test run with' || true)"

failed=$((xctest_failed + testing_failed))
passed=$((xctest_total + testing_total - failed - xctest_skipped))
echo "tests: ${passed} passed, ${failed} failed, ${xctest_skipped} skipped"
