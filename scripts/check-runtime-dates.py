#!/usr/bin/env python3
"""slsc's Lambda runtime dates against cfn-lint's, every difference explained.

    check-runtime-dates.py [VENV]

Reads slsc's lifecycle table (`RUNTIMES` in compiler/src/check/runtimes.rs)
and cfn-lint's (`cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json`,
which its rules W2531, E2531 and E2533 use) from the cfn-lint installed in
VENV (default: $SLSC_VALIDATE_VENV, else .venv-validate), and compares, per
runtime, whether both know it, its end of support (`deprecated`) and the
date new functions can no longer be created (`create-block`). cfn-lint's
`update-block` has no counterpart in slsc, which reports runtimes at
creation time (a runtime whose creation is blocked is already E0206).

Every difference must be listed, with its reason, under the cfn-lint
version in tests/runtimes/cfn-lint-differences.json, and every listed
difference must still exist: an unexplained difference or a stale entry
fails. The pinned cfn-lint (scripts/requirements-validate.txt) must have a
list (possibly empty); another version is compared if it has one, and
otherwise its differences are printed and the script fails.

Prints each difference with its reason, then
`runtime dates: cfn-lint X: N runtimes compared, M differences (all explained)`.
Exit 0 when every difference is explained, 1 otherwise, 2 on a tool failure.
"""
import json
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
RUNTIMES_RS = ROOT / "compiler/src/check/runtimes.rs"
EXPLAINED = ROOT / "tests/runtimes/cfn-lint-differences.json"
REQUIREMENTS = ROOT / "scripts/requirements-validate.txt"

ENTRY = re.compile(
    r'rt\(\s*"(?P<name>[^"]+)",\s*(?:Some\("(?P<dep>[0-9-]+)"\)|None),\s*'
    r'(?:Some\("(?P<block>[0-9-]+)"\)|None),\s*"[^"]*",?\s*\)'
)


def slsc_dates():
    text = RUNTIMES_RS.read_text()
    table = text[text.index("pub const RUNTIMES"):]
    table = table[: table.index("];")]
    out = {m["name"]: {"deprecated": m["dep"], "create-block": m["block"]} for m in ENTRY.finditer(table)}
    if len(out) != table.count("rt("):
        sys.exit(f"check-runtime-dates: read {len(out)} of {table.count('rt(')} entries of {RUNTIMES_RS}; has its layout changed?")
    return out


def cfn_lint_dates(venv):
    py = pathlib.Path(venv) / "bin" / "python"
    code = (
        "import importlib.metadata as m, json, os, cfnlint;"
        "p = os.path.join(os.path.dirname(cfnlint.__file__), 'data', 'AdditionalSpecs', 'LmbdRuntimeLifecycle.json');"
        "print(json.dumps({'version': m.version('cfn-lint'), 'path': p, 'data': json.load(open(p))}))"
    )
    try:
        out = subprocess.run([str(py), "-c", code], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"check-runtime-dates: cannot read cfn-lint's runtime data with {py}: {e}", file=sys.stderr)
        sys.exit(2)
    got = json.loads(out.stdout)
    return got["version"], got["path"], got["data"]


def differences(ours, theirs):
    found = []
    for name in sorted(set(ours) | set(theirs)):
        if name not in theirs:
            found.append({"runtime": name, "field": "known", "slsc": "yes", "cfn-lint": "no"})
            continue
        if name not in ours:
            found.append({"runtime": name, "field": "known", "slsc": "no", "cfn-lint": "yes"})
            continue
        for field in ("deprecated", "create-block"):
            a, b = ours[name][field], theirs[name].get(field)
            if a != b:
                found.append({"runtime": name, "field": field, "slsc": a, "cfn-lint": b})
    return found


def key(d):
    return (d["runtime"], d["field"], d["slsc"], d["cfn-lint"])


def main():
    venv = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SLSC_VALIDATE_VENV", str(ROOT / ".venv-validate"))
    version, path, data = cfn_lint_dates(venv)
    pinned = next(
        (line.split("==")[1].strip() for line in REQUIREMENTS.read_text().splitlines() if line.startswith("cfn-lint==")),
        None,
    )
    ours = slsc_dates()
    found = differences(ours, data)
    explained = json.loads(EXPLAINED.read_text())
    listed = explained.get("versions", {}).get(version)
    failed = 0
    if listed is None:
        what = "the pinned cfn-lint" if version == pinned else "this cfn-lint version"
        print(f"FAIL {what} {version} has no list in {EXPLAINED.relative_to(ROOT)}")
        failed += 1
        listed = []
    reasons = {key(d): d.get("reason", "") for d in listed}
    for d in found:
        why = reasons.get(key(d))
        line = f"{d['runtime']} {d['field']}: slsc {d['slsc']}, cfn-lint {version} {d['cfn-lint']}"
        if why:
            print(f"ok   {line}: {why}")
        else:
            print(f"FAIL {line}: not explained in {EXPLAINED.relative_to(ROOT)}")
            failed += 1
    for d in listed:
        if key(d) not in {key(f) for f in found}:
            print(f"FAIL stale entry for cfn-lint {version}: {d['runtime']} {d['field']} (slsc {d['slsc']}, cfn-lint {d['cfn-lint']}) is no longer a difference")
            failed += 1
    print(f"runtime dates: cfn-lint {version} ({path}): {len(set(ours) | set(data))} runtimes compared, "
          f"{len(found)} difference(s), {failed} unexplained or stale")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
