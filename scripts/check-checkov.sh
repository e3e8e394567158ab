#!/usr/bin/env bash
# checkov on every example's templates, both targets: zero failed checks.
# A check may be skipped only by a spec-level `acknowledge { CKV_... = "why" }`
# in the app, which slsc emits as checkov skip metadata with its reason.
# checkov runs offline in its own pinned virtualenv (scripts/install-checkov.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/install-checkov.sh
checkov="${SLSC_CHECKOV_VENV:-$root/.venv-checkov}/bin/checkov"
cargo build --release -q -p slsc
slsc="${CARGO_TARGET_DIR:-$root/target}/release/slsc"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export BC_SKIP_MAPPING=TRUE CHECKOV_RUN_SCA_PACKAGE_SCAN_V2=false PYTHONWARNINGS=ignore
passed=0 failed=0
for spec in examples/*/app.sls; do
  name="$(basename "$(dirname "$spec")")"
  for target in sam cloudformation; do
    file="$out/$name.$target.yaml"
    SLSC_TODAY=2026-11-23 "$slsc" build "$spec" --target "$target" -o "$file"
    "$checkov" -f "$file" --framework cloudformation --quiet --compact --skip-download -o json > "$file.json" 2>/dev/null || true
    # checkov exits 0 on a template it cannot parse: count what it scanned.
    if python3 - "$file.json" "$name.$target" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
reports = data if isinstance(data, list) else [data]
scanned = sum(r.get("summary", {}).get("resource_count", 0) for r in reports)
failures = [f for r in reports for f in r.get("results", {}).get("failed_checks", [])]
passed = sum(r.get("summary", {}).get("passed", 0) for r in reports)
skipped = sum(r.get("summary", {}).get("skipped", 0) for r in reports)
for f in failures:
    print(f"FAIL {sys.argv[2]}: {f['check_id']} {f['check_name']} on {f['resource']}")
print(f"checkov {sys.argv[2]}: {scanned} resources, {passed} checks passed, {skipped} acknowledged, {len(failures)} failed")
sys.exit(0 if scanned and not failures else 1)
PY
    then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  done
done
echo "checkov: $passed passed, $failed failed"
[[ $failed == 0 ]]
