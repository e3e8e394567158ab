#!/usr/bin/env python3
"""Generates compiler/schemas/cfn-index.txt: the CloudFormation resource
types `resource` declarations are validated against, from cfn-lint's
us-east-1 provider schemas.

Usage: python3 scripts/gen-cfn-index.py SCHEMAS_DIR > compiler/schemas/cfn-index.txt
where SCHEMAS_DIR is cfnlint/data/schemas of an installed cfn-lint, e.g.
/work/ci-venv/.venv-validate/lib/python3.11/site-packages/cfnlint/data/schemas

One line per type, fields separated by `|`:
  TYPE|PROPERTIES|ATTRIBUTES
PROPERTIES is a comma-separated list of NAME:KIND[!][=ENUM/ENUM...], where
KIND is s (string), i (integer), n (number), b (boolean), a (array),
o (object) or ? (several or unknown), `!` marks a required property and
the enum lists its allowed values (only when every value is plain text).
ATTRIBUTES are the names Fn::GetAtt accepts (read-only properties,
nested ones dotted). Only top-level properties are described: nested
values are checked by CloudFormation (and cfn-lint), not by slsc.
"""
import json
import os
import sys

KINDS = {"string": "s", "integer": "i", "number": "n", "boolean": "b", "array": "a", "object": "o"}


def resolve(schema, node, depth=0):
    while isinstance(node, dict) and "$ref" in node and depth < 10:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return {}
        cur = schema
        for part in ref[2:].split("/"):
            cur = cur.get(part, {})
        node = cur
        depth += 1
    return node if isinstance(node, dict) else {}


def kind_of(schema, node):
    node = resolve(schema, node)
    t = node.get("type")
    if isinstance(t, str) and t in KINDS:
        return KINDS[t]
    if "properties" in node and t is None:
        return "o"
    return "?"


def main():
    root = sys.argv[1]
    providers = json.load(open(os.path.join(root, "providers", "us-east-1.json")))
    for ty in sorted(providers):
        path = os.path.join(root, "resources", providers[ty] + ".json")
        try:
            schema = json.load(open(path))
        except OSError:
            continue
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        read_only = [p.split("/")[-1] if p.count("/") == 2 else ".".join(p.split("/")[2:])
                     for p in schema.get("readOnlyProperties", [])]
        read_only_top = {p.split("/")[2] for p in schema.get("readOnlyProperties", []) if p.count("/") == 2}
        fields = []
        for name in props:
            if name in read_only_top:
                continue
            node = resolve(schema, props[name])
            k = kind_of(schema, props[name])
            f = name + ":" + k + ("!" if name in required else "")
            enum = node.get("enum")
            if enum and all(isinstance(e, str) and not any(c in e for c in "|,/=") for e in enum):
                f += "=" + "/".join(enum)
            fields.append(f)
        print(ty + "|" + ",".join(fields) + "|" + ",".join(read_only))


if __name__ == "__main__":
    main()
