#!/usr/bin/env python3
"""Validate `slsc check` reports against their schemas.

    check-reports.py SLSC SARIF_SCHEMA PATH [PATH...]

Runs `slsc check --format json` and `--format sarif` on the given specs and
folders; the JSON report must validate against docs/schemas/report.schema.json
(draft 2020-12), the SARIF log against the official SARIF 2.1.0 schema
(draft-07). Then runs `slsc cost --format json` on every example and cost
fixture (examples/*/app.sls, tests/cost/*.sls): each estimate must validate
against docs/schemas/cost.schema.json. Prints `reports: N passed, M failed`.
"""
import json
import pathlib
import subprocess
import sys

from jsonschema import Draft7Validator, Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parent.parent


def run(slsc, *args):
    # Exit 1 only means the specs have errors; the report is still written.
    out = subprocess.run([slsc, "check", *args], capture_output=True, text=True,
                         env={"SLSC_TODAY": "2026-11-23", "PATH": ""})
    if out.returncode not in (0, 1):
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout)


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    slsc, sarif_schema, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    report_schema = json.loads((ROOT / "docs/schemas/report.schema.json").read_text())
    Draft202012Validator.check_schema(report_schema)
    sarif = json.loads(pathlib.Path(sarif_schema).read_text())
    passed = failed = 0
    for path in paths:
        for fmt, schema, cls in (("json", report_schema, Draft202012Validator), ("sarif", sarif, Draft7Validator)):
            args = [path, "--format", fmt]
            if fmt == "sarif":
                args += ["--docs-url", "https://example.com/slsc/docs/errors/"]
            doc = run(slsc, *args)
            errors = list(cls(schema).iter_errors(doc))
            if errors:
                failed += 1
                print(f"FAIL {path} {fmt}: {errors[0].message} at {list(errors[0].absolute_path)}")
            else:
                passed += 1
    cost_schema = json.loads((ROOT / "docs/schemas/cost.schema.json").read_text())
    Draft202012Validator.check_schema(cost_schema)
    specs = sorted(ROOT.glob("examples/*/app.sls")) + sorted(ROOT.glob("tests/cost/*.sls"))
    for spec in specs:
        out = subprocess.run([slsc, "cost", str(spec), "--format", "json"], capture_output=True,
                             text=True, env={"SLSC_TODAY": "2026-11-23", "PATH": ""})
        if out.returncode != 0:
            failed += 1
            print(f"FAIL {spec} cost: exit {out.returncode}: {out.stderr[-500:]}")
            continue
        errors = list(Draft202012Validator(cost_schema).iter_errors(json.loads(out.stdout)))
        if errors:
            failed += 1
            print(f"FAIL {spec} cost: {errors[0].message} at {list(errors[0].absolute_path)}")
        else:
            passed += 1
    print(f"reports: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
