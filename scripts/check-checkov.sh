#!/usr/bin/env bash
# checkov on every example's and every real-world spec's templates, both
# targets: zero failed checks. A check may be skipped only by a spec-level
# `acknowledge { CKV_... = "why" }` in the app, which slsc emits as checkov
# skip metadata with its reason. checkov runs offline in its own pinned
# virtualenv (scripts/install-checkov.sh), once over all the templates
# (starting it costs more than scanning one), and each template must show
# up in its results: checkov skips a template it cannot parse silently.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/install-checkov.sh
checkov="${SLSC_CHECKOV_VENV:-$root/.venv-checkov}/bin/checkov"
# With the fuzz example, as scripts/fuzz.sh builds it: one feature set (the
# example's dev-dependencies widen a shared crate's), so the release build is shared.
cargo build --release -q -p slsc --bin slsc --example fuzz
slsc="${CARGO_TARGET_DIR:-$root/target}/release/slsc"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export BC_SKIP_MAPPING=TRUE CHECKOV_RUN_SCA_PACKAGE_SCAN_V2=false PYTHONWARNINGS=ignore
files=()
for spec in examples/*/app.sls tests/realworld/*.sls tests/stages/app.sls docs/getting-started/app.sls; do
  case "$spec" in
    examples/*) name="$(basename "$(dirname "$spec")")" ;;
    tests/realworld/*) name="realworld-$(basename "$spec" .sls)" ;;
    *) name="test-$(basename "$(dirname "$spec")")" ;;
  esac
  # Every stage of a spec with stages.
  stages=("") stage_names="$("$slsc" stages --names "$spec")"
  [[ -n "$stage_names" ]] && mapfile -t stages <<< "$stage_names"
  for stage in "${stages[@]}"; do
    for target in sam cloudformation; do
      file="$out/$name${stage:+.$stage}.$target.yaml"
      SLSC_TODAY=2026-11-23 "$slsc" build "$spec" --target "$target" ${stage:+--stage "$stage"} -o "$file"
      files+=(-f "$file")
    done
  done
done
"$checkov" "${files[@]}" --framework cloudformation --compact --skip-download -o json > "$out/report.json" 2>/dev/null || true
python3 - "$out" <<'PY'
import glob, json, os, sys
out = sys.argv[1]
data = json.load(open(os.path.join(out, "report.json")))
reports = data if isinstance(data, list) else [data]
by_file = {}
for r in reports:
    for kind in ("passed_checks", "failed_checks", "skipped_checks"):
        for c in r.get("results", {}).get(kind, []):
            entry = by_file.setdefault(os.path.basename(c["file_path"]), {"passed": 0, "failed": [], "skipped": 0})
            if kind == "failed_checks":
                entry["failed"].append(f"{c['check_id']} {c['check_name']} on {c['resource']}")
            else:
                entry[kind.split("_")[0]] += 1
bad = 0
for path in sorted(glob.glob(os.path.join(out, "*.yaml"))):
    name = os.path.basename(path)
    entry = by_file.get(name)
    if entry is None:
        print(f"FAIL {name}: checkov scanned nothing (a template it cannot parse?)")
        bad += 1
        continue
    for f in entry["failed"]:
        print(f"FAIL {name}: {f}")
    print(f"checkov {name}: {entry['passed']} checks passed, {entry['skipped']} acknowledged, {len(entry['failed'])} failed")
    bad += bool(entry["failed"])
total = len(glob.glob(os.path.join(out, "*.yaml")))
print(f"checkov: {total - bad} templates passed, {bad} failed")
sys.exit(1 if bad else 0)
PY
