#!/usr/bin/env python3
"""`slsc check --with cfn-lint` maps cfn-lint's findings to .sls lines.

    check-mapping.py SLSC CFN_LINT CHECKOV

For tests/mapping/{w0902,e0901}.sls the named code must be reported, by
cfn-lint's rule, at line 6 of the spec (the `allow` that caused it), and in
the `-resource` and `-action` variants on the very string that is wrong
(a resource or action of a multi-line `allow`: line 8); for
tests/mapping/fixed.sls cfn-lint must report nothing, and checkov's finding
that the function is not in a VPC (CKV_AWS_117) must land on the function's
declaration (line 3); and a suppression comment silences a finding
(tests/mapping/suppressed.sls). Prints `mapping: N passed, M failed`.
"""
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CASES = [
    ("cfn-lint", "tests/mapping/w0902.sls", "W0902", "cfn-lint W3037", 6),
    ("cfn-lint", "tests/mapping/e0901.sls", "E0901", "cfn-lint E3510", 6),
    ("cfn-lint", "tests/mapping/e0901-resource.sls", "E0901", "cfn-lint E3510", 8),
    ("cfn-lint", "tests/mapping/w0902-action.sls", "W0902", "cfn-lint W3037", 8),
    ("cfn-lint", "tests/mapping/fixed.sls", None, None, None),
    ("checkov", "tests/mapping/fixed.sls", "W0902", "checkov CKV_AWS_117", 3),
    ("cfn-lint", "tests/mapping/suppressed.sls", None, None, None),
]


def main():
    slsc, cfn_lint, checkov = sys.argv[1], sys.argv[2], sys.argv[3]
    env = dict(os.environ, SLSC_CFN_LINT=cfn_lint, SLSC_CHECKOV=checkov, SLSC_TODAY="2026-11-23")
    passed = failed = 0
    for tool, spec, code, rule, line in CASES:
        out = subprocess.run([slsc, "check", spec, "--with", tool, "--format", "json"],
                             capture_output=True, text=True, cwd=ROOT, env=env)
        if out.returncode not in (0, 1):
            print(f"FAIL {spec}: slsc exited {out.returncode}: {out.stderr.strip()}")
            failed += 1
            continue
        found = json.loads(out.stdout)["diagnostics"]
        if code is None:
            ok = not found
            why = f"expected nothing, got {[d['code'] for d in found]}"
        else:
            hits = [d for d in found if d["code"] == code and d["message"].startswith(rule)]
            ok = any(d["location"]["start"]["line"] == line for d in hits)
            why = f"expected {code} ({rule}) at line {line}, got {[(d['code'], d['location']['start']['line']) for d in found]}"
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {spec}: {why}")
    print(f"mapping: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
