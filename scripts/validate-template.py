#!/usr/bin/env python3
"""Validate CloudFormation / SAM templates offline with the pinned cfn-lint and aws-sam-translator.

    validate-template.py TEMPLATE [TEMPLATE...]

Per template: cfn-lint (regions fixed to us-east-1, no .cfnlintrc); for SAM templates also an offline
samtranslator transform() and a cfn-lint run on its output, because cfn-lint 1.x does not run the SAM
transform itself and misses most mistakes inside AWS::Serverless::* resources.
Prints `LEVEL RULE FILE:line:col message` (`FILE:<translated>:Json/Path` for the translated template),
then one summary line per template.
Exit: 0 no errors (warnings allowed), 1 errors or a failed SAM translation, 2 tool/usage failure.
"""
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "requirements-validate.txt"
VENV = Path(os.environ.get("SLSC_VALIDATE_VENV", HERE.parent / ".venv-validate"))
REGIONS = ["us-east-1"]  # explicit, so results never depend on AWS_DEFAULT_REGION / config files
SAM_TRANSFORM = "AWS::Serverless-2016-10-31"
PLACEHOLDER_BUCKET = "slsc-placeholder-bucket"
# Resource type -> property holding a local artifact path that `sam package` would upload.
LOCAL_ARTIFACTS = {"AWS::Serverless::Function": "CodeUri", "AWS::Serverless::LayerVersion": "ContentUri"}


def pins_satisfied():
    """True if this interpreter has exactly the versions pinned in requirements-validate.txt."""
    from importlib.metadata import PackageNotFoundError, version

    for line in REQUIREMENTS.read_text().splitlines():
        name, _, want = line.split("#")[0].strip().partition("==")
        try:
            if want and version(name) != want:
                return False
        except PackageNotFoundError:
            return False
    return True


# Results must come from the pinned validators: if this interpreter lacks them, re-run under the venv.
if not pins_satisfied():
    venv_py = VENV / "bin" / "python"
    if venv_py.exists() and Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(str(venv_py), [str(venv_py), __file__, *sys.argv[1:]])
    print(f"validate-template: pinned validators missing in {sys.prefix}; run scripts/install-validators.sh",
          file=sys.stderr)
    sys.exit(2)

# samtranslator only needs a region/partition for ARNs; dummy credentials guarantee no real AWS call.
os.environ.update(AWS_DEFAULT_REGION=REGIONS[0], AWS_REGION=REGIONS[0], AWS_ACCESS_KEY_ID="testing",
                  AWS_SECRET_ACCESS_KEY="testing", AWS_EC2_METADATA_DISABLED="true")
for var in ("AWS_PROFILE", "AWS_SESSION_TOKEN"):
    os.environ.pop(var, None)

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import posixpath  # noqa: E402

from cfnlint.config import ConfigMixIn  # noqa: E402
from cfnlint.decode import decode, decode_str  # noqa: E402
from cfnlint.runner import Runner  # noqa: E402
from samtranslator.internal.managed_policies import get_bundled_managed_policy_map  # noqa: E402
from samtranslator.model.exceptions import InvalidDocumentException  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402

LEVELS = {"error": "ERROR", "warning": "WARNING", "informational": "INFO"}


class BundledPolicyLoader:
    """Stands in for samtranslator's ManagedPolicyLoader, which would call iam:ListPolicies."""

    def load(self):
        return get_bundled_managed_policy_map("aws") or {}


def plain(node):
    """cfn-lint's decoded nodes -> plain JSON data (unquoted YAML dates become strings, as in CFN)."""
    return json.loads(json.dumps(node, default=lambda o: o.isoformat() if hasattr(o, "isoformat") else str(o)))


def is_sam(template):
    t = template.get("Transform")
    return SAM_TRANSFORM in (t if isinstance(t, list) else [t])


def package_local_artifacts(template):
    """Rewrite local CodeUri (and layer ContentUri) paths to s3:// placeholders, as `sam package` would; samtranslator rejects local paths."""
    for res in (template.get("Resources") or {}).values():
        prop = LOCAL_ARTIFACTS.get(res.get("Type")) if isinstance(res, dict) else None
        props = res.get("Properties") if prop else None
        uri = props.get(prop) if isinstance(props, dict) else None
        if isinstance(uri, str) and not uri.startswith("s3://"):
            key = posixpath.normpath(uri).strip("/")
            props[prop] = f"s3://{PLACEHOLDER_BUCKET}/{'code' if key in ('', '.') else key}.zip"
    return template


def service_policy_findings(template, path):
    """Resource-policy statements and Lambda permissions that let an AWS service in without naming this
    account's source (aws:SourceAccount and aws:SourceArn, or for CloudWatch Logs on a KMS key the
    kms:EncryptionContext:aws:logs:arn condition). A permission SAM generates from a function's events has
    SourceArn (an ARN in this account) but no SourceAccount, which SAM's events cannot set: counted, not failed.
    Returns (ERROR finding lines, count of SAM permissions without SourceAccount)."""
    out, sam_without_account = [], 0
    for rid, res in (template.get("Resources") or {}).items():
        props = res.get("Properties") or {}
        if res.get("Type") == "AWS::Lambda::Permission" and str(props.get("Principal", "")).endswith(".amazonaws.com"):
            if "SourceArn" not in props:
                out.append(("ERROR", f"ERROR SLSC-POLICY {path}:{rid} permission for {props['Principal']} without SourceArn"))
            elif "SourceAccount" not in props:
                sam_without_account += 1
        for doc in (props.get("PolicyDocument"), props.get("KeyPolicy")):
            statements = doc.get("Statement", []) if isinstance(doc, dict) else []
            for i, st in enumerate(statements if isinstance(statements, list) else [statements]):
                principal = st.get("Principal")
                if not isinstance(principal, dict) or "Service" not in principal or st.get("Effect") == "Deny":
                    continue
                keys = {k for op in (st.get("Condition") or {}).values() if isinstance(op, dict) for k in op}
                if "kms:EncryptionContext:aws:logs:arn" in keys:
                    continue
                missing = [k for k in ("aws:SourceAccount", "aws:SourceArn") if k not in keys]
                if missing:
                    out.append(("ERROR", f"ERROR SLSC-POLICY {path}:{rid} statement {i} lets {principal['Service']} in "
                                         f"without {', '.join(missing)}"))
    return out, sam_without_account


def json_path(match):
    return tuple(getattr(match, "path", None) or ())


def finding(match, where):
    level = LEVELS.get(match.rule.severity, match.rule.severity.upper())
    return level, f"{level} {match.rule.id} {where} {match.message.strip().replace(chr(10), ' ')}"


def validate(path, runner):
    """Return (finding lines, error count, warning count, note for the summary)."""
    out = []
    template, matches = decode(path)  # parse errors come back as E0000 matches
    parsed = not matches
    if parsed:
        matches = list(runner.validate_template(template))
    for m in sorted(matches, key=lambda m: (m.linenumber, m.columnnumber, m.rule.id)):
        out.append(finding(m, f"{path}:{m.linenumber}:{m.columnnumber}"))
    note = ""
    if parsed and isinstance(template, dict) and is_sam(template):
        try:
            translated = transform(package_local_artifacts(plain(template)), {}, BundledPolicyLoader())
        except InvalidDocumentException as exc:
            out += [("ERROR", f"ERROR SAM-TRANSLATE {path} {c.message}") for c in exc.causes or [exc]]
            note = ", SAM translation FAILED"
        except Exception as exc:  # samtranslator crashes on some malformed input; that is the template's fault
            out.append(("ERROR", f"ERROR SAM-TRANSLATE {path} translator crashed: {type(exc).__name__}: {exc}"))
            note = ", SAM translation FAILED"
        else:
            # Re-decode from text so cfn-lint gets the node types (with positions) it expects.
            xl_template, xl_matches = decode_str(json.dumps(translated))
            # Plain CFN resources pass through the transform unchanged: do not report their findings twice.
            seen = {(m.rule.id, json_path(m), m.message) for m in matches}
            for m in xl_matches or runner.validate_template(xl_template):
                if (m.rule.id, json_path(m), m.message) not in seen:
                    out.append(finding(m, f"{path}:<translated>:{'/'.join(map(str, json_path(m))) or '?'}"))
            found, sam_without_account = service_policy_findings(translated, f"{path}:<translated>")
            out += found
            note = f", SAM translated ({len(translated.get('Resources', {}))} resources) and linted"
            if sam_without_account:
                note += f", {sam_without_account} SAM-generated permission(s) without SourceAccount (SourceArn set)"
    if parsed and isinstance(template, dict) and not is_sam(template):
        out += service_policy_findings(template, path)[0]
    errors = sum(level == "ERROR" for level, _ in out)
    warnings = sum(level == "WARNING" for level, _ in out)
    return [line for _, line in out], errors, warnings, note


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("templates", nargs="+", metavar="TEMPLATE")
    args = ap.parse_args()
    missing = [t for t in args.templates if not os.path.isfile(t)]
    if missing:
        print(f"validate-template: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    # samtranslator logs harmless "unpublished metrics" notes when used in-process.
    logging.getLogger("samtranslator").setLevel(logging.ERROR)
    # One Runner for all templates: loading cfn-lint's rules is most of its per-run cost.
    # config_file=devnull stops ~/.cfnlintrc or ./.cfnlintrc from changing the results.
    runner = Runner(ConfigMixIn(regions=REGIONS, config_file=os.devnull))
    failed = 0
    for path in args.templates:
        lines, errors, warnings, note = validate(path, runner)
        for line in lines:
            print(line)
        failed += bool(errors)
        status = "FAIL" if errors else "ok"
        print(f"== {status} {path}: {errors} error(s), {warnings} warning(s){note}")
    print(f"== validate-template: {len(args.templates)} template(s), {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception:  # a crash in the validators themselves is a tool failure, not a template verdict
        import traceback

        traceback.print_exc()
        sys.exit(2)
