#!/usr/bin/env bash
# Contract checks against independent tools: `slsc match` agrees with moto's
# EventBridge matcher on a generated corpus, and `slsc schema`/`slsc sample`
# produce valid draft 2020-12 schemas and samples that validate against them.
# Uses the release build and the validators' virtualenv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/install-validators.sh
py="${SLSC_VALIDATE_VENV:-$root/.venv-validate}/bin/python"
# With the fuzz example, as scripts/fuzz.sh builds it: one feature set (the
# example's dev-dependencies widen a shared crate's), so the release build is shared.
cargo build --release -q -p slsc --bin slsc --example fuzz
slsc="${CARGO_TARGET_DIR:-$root/target}/release/slsc"
"$py" scripts/check-matcher.py "$slsc"
# Every example, plus a spec using every standard library module.
"$py" scripts/check-schemas.py "$slsc" examples/*/app.sls tests/contracts/*.sls
