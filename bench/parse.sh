#!/usr/bin/env bash
# The parser benchmark: hqlrun's front end against sqlglot's hive dialect on the same generated corpus.
#
# Prints, for both, MB/s, statements/s and peak memory, the ratio hqlrun/sqlglot, and the goals
# (>= 30 MB/s, >= 100x sqlglot, < 64 MB peak) with PASS or MISS.
#
# Environment: BENCH_SIZE_MB (corpus size, default 1.2), BENCH_REGEN=1 (rebuild the corpus),
# BENCH_SQLGLOT_REPEAT (sqlglot runs, fastest kept; default 1), BENCH_BIN (a prebuilt hqlrun-bench; skips
# the build).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    export PATH="/opt/swift/usr/bin:${PATH}"
fi

out_dir="bench/out"
corpus="${out_dir}/corpus.hql"
size_mb="${BENCH_SIZE_MB:-1.2}"
mkdir -p "${out_dir}"

# --- Prerequisites -------------------------------------------------------------------------------------------
if ! python3 -c 'import sqlglot' >/dev/null 2>&1; then
    echo "bench: installing sqlglot" >&2
    python3 -m pip install -q sqlglot
fi

if [[ ! -s "${corpus}" || "${BENCH_REGEN:-0}" == "1" ]]; then
    python3 bench/make_corpus.py --size-mb "${size_mb}" --out "${corpus}"
fi

if [[ -n "${BENCH_BIN:-}" ]]; then
    bench_bin="${BENCH_BIN}"
else
    echo "bench: building hqlrun-bench (release)" >&2
    swift build -c release --product hqlrun-bench >&2
    bench_bin="$(swift build -c release --show-bin-path)/hqlrun-bench"
fi

# --- Measuring -----------------------------------------------------------------------------------------------
# Runs a command, keeping its stdout in $2 and its peak RSS in KB in $3 ("" when GNU time is missing).
measure() {
    local name="$1" stdout_file="$2" rss_file="$3"
    shift 3
    echo "bench: running ${name}" >&2
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f '%M' -o "${rss_file}" "$@" >"${stdout_file}"
    else
        echo "bench: /usr/bin/time is missing (apt-get install time); peak memory not measured" >&2
        : >"${rss_file}"
        "$@" >"${stdout_file}"
    fi
}

# The value of key=value on the result line that starts with $2 in file $1, or "" when absent.
field() {
    local file="$1" tool="$2" key="$3"
    awk -v tool="${tool}" -v key="${key}" '
        $1 == tool { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) { print kv[2]; exit } } }
    ' "${file}"
}

measure hqlrun-bench "${out_dir}/hqlrun.out" "${out_dir}/hqlrun.rss" "${bench_bin}" "${corpus}"
measure sqlglot "${out_dir}/sqlglot.out" "${out_dir}/sqlglot.rss" \
    python3 bench/sqlglot_parse.py --repeat "${BENCH_SQLGLOT_REPEAT:-1}" "${corpus}"

hqlrun_mbps="$(field "${out_dir}/hqlrun.out" hqlrun mb_per_s)"
hqlrun_sps="$(field "${out_dir}/hqlrun.out" hqlrun stmts_per_s)"
hqlrun_stmts="$(field "${out_dir}/hqlrun.out" hqlrun stmts)"
sqlglot_mbps="$(field "${out_dir}/sqlglot.out" sqlglot mb_per_s)"
sqlglot_sps="$(field "${out_dir}/sqlglot.out" sqlglot stmts_per_s)"
sqlglot_stmts="$(field "${out_dir}/sqlglot.out" sqlglot stmts)"
hqlrun_rss_kb="$(tail -n 1 "${out_dir}/hqlrun.rss" 2>/dev/null || true)"
sqlglot_rss_kb="$(tail -n 1 "${out_dir}/sqlglot.rss" 2>/dev/null || true)"

if [[ -z "${hqlrun_mbps}" ]]; then
    echo "bench: hqlrun-bench printed no 'hqlrun seconds=... mb_per_s=...' line (still the placeholder?)" >&2
fi

# --- Summary -------------------------------------------------------------------------------------------------
# awk does the arithmetic; an empty value shows as n/a and its goal as MISS.
awk -v hm="${hqlrun_mbps}" -v hs="${hqlrun_sps}" -v hn="${hqlrun_stmts}" -v hr="${hqlrun_rss_kb}" \
    -v sm="${sqlglot_mbps}" -v ss="${sqlglot_sps}" -v sn="${sqlglot_stmts}" -v sr="${sqlglot_rss_kb}" \
    -v corpus="${corpus}" '
    function num(x) { return x ~ /^[0-9.]+$/ }
    function show(x, fmt) { return num(x) ? sprintf(fmt, x) : "n/a" }
    function mb(kb) { return num(kb) ? kb / 1024 : "" }
    function verdict(ok) { return ok ? "PASS" : "MISS" }
    BEGIN {
        ratio = (num(hm) && num(sm) && sm > 0) ? hm / sm : ""
        ratio_s = (num(hs) && num(ss) && ss > 0) ? hs / ss : ""
        printf "\nParser benchmark on %s\n\n", corpus
        printf "%-10s %12s %14s %10s %14s\n", "", "MB/s", "statements/s", "stmts", "peak MB"
        printf "%-10s %12s %14s %10s %14s\n", "hqlrun", show(hm, "%.2f"), show(hs, "%.0f"), show(hn, "%d"), show(mb(hr), "%.1f")
        printf "%-10s %12s %14s %10s %14s\n", "sqlglot", show(sm, "%.3f"), show(ss, "%.0f"), show(sn, "%d"), show(mb(sr), "%.1f")
        printf "%-10s %12s %14s\n\n", "ratio", show(ratio, "%.1fx"), show(ratio_s, "%.1fx")
        printf "Goals:\n"
        printf "  %-28s %-12s %s\n", "hqlrun >= 30 MB/s", show(hm, "%.2f"), verdict(num(hm) && hm >= 30)
        printf "  %-28s %-12s %s\n", "hqlrun >= 100x sqlglot", show(ratio, "%.1fx"), verdict(num(ratio) && ratio >= 100)
        printf "  %-28s %-12s %s\n", "hqlrun peak < 64 MB", show(mb(hr), "%.1f MB"), verdict(num(hr) && hr / 1024 < 64)
        if (num(hn) && num(sn) && hn != sn)
            printf "\nnote: the parsers counted different statements (%d vs %d)\n", hn, sn
    }'
