#!/usr/bin/env python3
"""Compare `slsc match` with moto's EventBridge pattern matcher.

    check-matcher.py SLSC [--cases N] [--seed S]

Generates a deterministic corpus of (pattern, event) pairs over every
operator slsc emits (equality, anything-but and its prefix/suffix/wildcard
forms, numeric ranges, exists, prefix, suffix, equals-ignore-case and its
prefix/suffix forms, wildcard, cidr, $or, nested fields, arrays of scalars),
asks slsc for all verdicts at once (`slsc match --corpus`), and compares them
with moto's `EventPattern.matches_event`. The corpus stays where the two
matchers mean the same thing: no arrays of objects (moto does not flatten
them as EventBridge does), no booleans where numbers are tested (Python
treats True as 1), ASCII text only.

Exit 0 when every verdict agrees (printing `matcher: N passed, 0 failed`),
1 with the disagreements listed otherwise, 2 on usage errors.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

from moto.events.models import EventPattern

WORDS = ["alpha", "Alpha", "beta", "gamma.png", "delta.PNG", "img/a.png", "img/b.jpg", "x", ""]
NUMBERS = [0, 1, 2.5, 7, 10, 99, 100, 100.0, -3]
IPS = ["10.0.0.1", "10.0.5.9", "10.1.0.1", "192.168.1.20", "2001:db8::1", "2001:db9::1"]


def leaf_condition(rng, kind):
    """One condition of a leaf list, for a field of `kind` (str, num, ip)."""
    if kind == "num":
        choice = rng.randrange(5)
        if choice == 0:
            return rng.choice(NUMBERS)
        if choice == 1:
            return {"anything-but": rng.choice([rng.choice(NUMBERS), rng.sample(NUMBERS, 2)])}
        if choice == 2:
            return {"exists": rng.choice([True, False])}
        lo = rng.choice(NUMBERS)
        ops = [rng.choice([">", ">="]), lo]
        if rng.random() < 0.6:
            ops += [rng.choice(["<", "<="]), lo + rng.choice([1, 5, 50])]
        if rng.random() < 0.15:
            ops = ["=", rng.choice(NUMBERS)]
        return {"numeric": ops}
    if kind == "ip":
        return rng.choice([
            {"cidr": rng.choice(["10.0.0.0/16", "10.0.0.0/8", "192.168.1.0/24", "2001:db8::/32"])},
            {"exists": True},
            rng.choice(IPS),
        ])
    word = rng.choice(WORDS)
    part = word[: rng.randrange(len(word) + 1)]
    tail = word[len(word) - rng.randrange(len(word) + 1):]
    return rng.choice([
        word,
        {"prefix": part},
        {"suffix": tail},
        {"prefix": {"equals-ignore-case": part.upper()}},
        {"suffix": {"equals-ignore-case": tail.upper()}},
        {"equals-ignore-case": word.upper()},
        {"wildcard": rng.choice(["*.png", "img/*", "*a*", "al*a", "*", "x"])},
        {"anything-but": rng.choice([word, rng.sample(WORDS, 2)])},
        {"anything-but": {"prefix": part or "a"}},
        {"anything-but": {"suffix": tail or "g"}},
        {"anything-but": {"wildcard": "img/*"}},
        {"exists": rng.choice([True, False])},
    ])


FIELDS = {"s": "str", "t": "str", "n": "num", "m": "num", "ip": "ip"}


def pattern(rng, depth=0):
    p = {}
    for name in rng.sample(sorted(FIELDS), rng.randrange(1, 4)):
        kind = FIELDS[name]
        p[name] = [leaf_condition(rng, kind) for _ in range(rng.randrange(1, 3))]
    if depth == 0 and rng.random() < 0.3:
        p["nested"] = pattern(rng, depth + 1)
    if depth == 0 and rng.random() < 0.2:
        p["$or"] = [pattern(rng, depth + 1) for _ in range(2)]
    return p


def event(rng, depth=0):
    e = {}
    for name, kind in FIELDS.items():
        if rng.random() < 0.2:
            continue
        pool = {"str": WORDS, "num": NUMBERS, "ip": IPS}[kind]
        e[name] = rng.sample(pool, 2) if rng.random() < 0.15 else rng.choice(pool)
    if depth == 0 and rng.random() < 0.7:
        e["nested"] = event(rng, depth + 1)
    return e


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("slsc")
    ap.add_argument("--cases", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=20261123)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pairs = [{"pattern": pattern(rng), "event": event(rng)} for _ in range(args.cases)]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for pair in pairs:
            fh.write(json.dumps(pair) + "\n")
        corpus = fh.name
    try:
        out = subprocess.run([args.slsc, "match", "--corpus", corpus], capture_output=True, text=True)
    finally:
        os.unlink(corpus)
    if out.returncode != 0:
        print(out.stderr, file=sys.stderr)
        return 2
    ours = [line == "true" for line in out.stdout.split()]
    if len(ours) != len(pairs):
        print(f"slsc answered {len(ours)} of {len(pairs)} cases", file=sys.stderr)
        return 2
    failed = 0
    matched = 0
    for pair, verdict in zip(pairs, ours):
        theirs = EventPattern(json.dumps(pair["pattern"]), pair["pattern"]).matches_event(pair["event"])
        matched += theirs
        if verdict != theirs:
            failed += 1
            if failed <= 10:
                print(f"DISAGREE slsc={verdict} moto={theirs}: {json.dumps(pair)}")
    print(f"corpus: {len(pairs)} cases, {matched} matching events (seed {args.seed})")
    print(f"matcher: {len(pairs) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
