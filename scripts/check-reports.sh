#!/usr/bin/env bash
# Validates `slsc check --format json|sarif` output: the JSON report against
# the committed docs/schemas/report.schema.json, SARIF against the official
# SARIF 2.1.0 schema (from the npm package @microsoft/jest-sarif, pinned in
# scripts/sarif/package.json), on every fixture and example; and checks that
# cfn-lint findings are mapped back to the .sls lines that produced them;
# and `slsc cost --format json` of every example against
# docs/schemas/cost.schema.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/install-validators.sh
py="${SLSC_VALIDATE_VENV:-$root/.venv-validate}/bin/python"
schema=scripts/sarif/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json
if [[ ! -f "$schema" ]]; then
  (cd scripts/sarif && npm install --no-audit --no-fund --ignore-scripts --silent)
fi
# With the fuzz example, as scripts/fuzz.sh builds it: one feature set (the
# example's dev-dependencies widen a shared crate's), so the release build is shared.
cargo build --release -q -p slsc --bin slsc --example fuzz
slsc="${CARGO_TARGET_DIR:-$root/target}/release/slsc"
"$py" scripts/check-reports.py "$slsc" "$schema" examples tests/report tests/diagnostics tests/cli
# Third-party findings mapped back to .sls lines (`check --with cfn-lint`,
# `--with checkov`).
scripts/install-checkov.sh
"$py" scripts/check-mapping.py "$slsc" "${SLSC_VALIDATE_VENV:-$root/.venv-validate}/bin/cfn-lint" \
  "${SLSC_CHECKOV_VENV:-$root/.venv-checkov}/bin/checkov"
