#!/usr/bin/env python3
"""Validate `slsc schema`, `slsc sample` and `slsc openapi` output.

    check-schemas.py SLSC SPEC [SPEC...]

For every spec: the all-in-one schema document (`slsc schema SPEC`) must be a
valid draft 2020-12 schema (jsonschema); for every type and event in it, the
sample (`slsc sample SPEC NAME`) must validate against that name's own schema
document (`slsc schema SPEC NAME`); and every API's OpenAPI document
(`slsc openapi SPEC`) must pass openapi-spec-validator.
Prints `schemas: N passed, M failed`.
"""
import json
import subprocess
import sys

from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate as validate_openapi


def run(*args):
    out = subprocess.run(args, capture_output=True, text=True, env={"SLSC_TODAY": "2026-11-23", "PATH": ""})
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    slsc, specs = sys.argv[1], sys.argv[2:]
    passed = failed = 0
    for spec in specs:
        try:
            everything = run(slsc, "schema", spec)
            Draft202012Validator.check_schema(everything)
            for name in everything.get("$defs", {}):
                schema = run(slsc, "schema", spec, name)
                Draft202012Validator.check_schema(schema)
                sample = run(slsc, "sample", spec, name)
                errors = list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(sample))
                if errors:
                    failed += 1
                    print(f"FAIL {spec} {name}: {errors[0].message} at {list(errors[0].absolute_path)}")
                else:
                    passed += 1
            for api, document in run(slsc, "openapi", spec).items():
                try:
                    validate_openapi(document)
                    passed += 1
                except Exception as e:
                    failed += 1
                    print(f"FAIL {spec} openapi {api}: {str(e).splitlines()[0]}")
        except Exception as e:  # a tool failure counts against the spec
            failed += 1
            print(f"FAIL {spec}: {e}")
    print(f"schemas: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
