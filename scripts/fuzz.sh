#!/usr/bin/env bash
# Fuzzes slsc: mutations of every example and fixture (byte flips, token
# insertions and swaps, splices, truncations, very long lines and names,
# deep nesting, line ends, bytes that are not UTF-8, odd Unicode), each run
# through check, both build targets, permissions, schemas, samples, match and
# every report format (compiler/examples/fuzz.rs). A panic, a crash or an
# input running over 10 s per MiB begun (20 s in a debug build) is a
# finding, saved to target/fuzz-findings/.
#
#   scripts/fuzz.sh [MINUTES]        default 10 minutes, a new seed each run
#
# SLSC_FUZZ_SEED fixes the seed (CI: 1, so that a failure reproduces);
# SLSC_FUZZ_PROFILE=dev runs the debug build (ten times slower per input),
# default release, which CI builds anyway and which keeps overflow checks
# (Cargo.toml), so an arithmetic overflow is a panic the fuzzer sees.
# Reproduce a finding, and time it:
#   cargo run --release -p slsc --example fuzz -- --replay target/fuzz-findings/*.sls
# Exit status 1 if anything was found; each finding, once fixed, belongs in
# tests/fuzz/regressions/, where `cargo test --test robustness` runs it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

minutes="${1:-10}"
seconds=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')
seed="${SLSC_FUZZ_SEED:-$(date +%s)}"
# An input is a hang after 10 s per MiB in a release build (the slowest
# inputs found, 2 MiB of 116,000 duplicate declarations, take 7 to 9 s
# through every command and report); a debug build is about ten times
# slower and is only for finding a bug faster: 20 s there.
profile=()
hang=20
if [[ "${SLSC_FUZZ_PROFILE:-release}" == release ]]; then
  profile=(--release)
  hang=10
fi
# The binary too, in the same build: other scripts build both, so the
# release build is shared (one feature set; see scripts/validate-examples.sh).
cargo build "${profile[@]}" --quiet -p slsc --bin slsc --example fuzz
exec cargo run "${profile[@]}" --quiet -p slsc --example fuzz -- \
  --seconds "$seconds" --seed "$seed" --hang "$hang" --findings target/fuzz-findings
