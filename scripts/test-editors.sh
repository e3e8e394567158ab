#!/usr/bin/env bash
# Tests the editor support of editors/ with the engines editors use:
# VS Code's TextMate engine (vscode-textmate + Oniguruma, through
# vscode-tmgrammar-test), the tree-sitter CLI, and Vim.
#
# The specs come from everywhere the repository has them: examples/, stdlib/,
# tests/, the ```sls blocks of docs/, the inputs of the tree-sitter corpus and
# the VS Code snippets. The compiler itself says which of them parse
# (`slsc check` reports no E0001), and the grammars must agree:
#   - tree-sitter parses those with no ERROR or MISSING node, and finds an
#     error in each of the others;
#   - TextMate gives no `invalid` scope in those without lexical errors (no
#     E0002 invalid literal, no fractional duration or size);
#   - Vim shows no error group there either, detects them as slsc, and leaves
#     Salt states alone.
# Plus the assertion tests of each grammar and a check that every keyword of
# compiler/src/syntax/sls.pest is known to all three grammars.
#
# Run scripts/install-editor-tools.sh first. Prints one line per group of
# tests with the failures under it (every test with VERBOSE=1), then
# `editors: N passed, M failed`; exit status 1 if any failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Outside the checkout, so that a fresh clone (as in CI) on the same machine
# reuses the 4-minute build: SLSC_TOOLS_DIR overrides.
tools="${SLSC_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/slsc-tools}"
ts="$tools/bin/tree-sitter"
vscode="$root/editors/vscode"
grammar="$root/editors/tree-sitter-sls"
if [[ ! -x "$ts" || ! -d "$vscode/node_modules/vscode-tmgrammar-test" ]] || ! command -v vim >/dev/null; then
  echo "test-editors: tools missing; run scripts/install-editor-tools.sh" >&2
  exit 2
fi

target_dir="${CARGO_TARGET_DIR:-$root/target}"
work="$target_dir/editors"
rm -rf "$work" && mkdir -p "$work/cache"
# tree-sitter keeps compiled parsers in the cache: keep them out of $HOME.
export XDG_CACHE_HOME="$work/cache"
# The parser of editors/ is the only one tree-sitter should know about.
printf '{"parser-directories": ["%s"]}\n' "$root/editors" >"$work/tree-sitter-config.json"
ts_config=(--config-path "$work/tree-sitter-config.json")

passed=0 failed=0

# Adds up the `ok ...` / `FAIL ...` lines (failures followed by indented
# details) that the tests of a group wrote to LOG, and reports the group.
tally() {
  local label=$1 log=$2 ok bad
  [[ -f "$log" ]] || : >"$log"
  ok=$(grep -c '^ok ' "$log" || true)
  bad=$(grep -c '^FAIL ' "$log" || true)
  if ((ok + bad == 0)); then
    echo "FAIL $label: no test ran"
    bad=1
  elif [[ -n "${VERBOSE:-}" ]]; then
    cat "$log"
  else
    # Failures, and the indented details under them or under a `details:` line.
    awk '/^(FAIL |details:)/{show=1; print; next} /^    /{if (show) print; next} {show=0}' "$log"
  fi
  if ((bad == 0)); then echo "ok   $label: $ok tests"; else echo "FAIL $label: $bad of $((ok + bad)) tests failed"; fi
  passed=$((passed + ok))
  failed=$((failed + bad))
}

# Runs a command as one test, appending its result to LOG (the output, indented, if it failed).
check() {
  local log=$1 name=$2
  shift 2
  if "$@" >"$work/out" 2>&1; then
    echo "ok   $name" >>"$log"
  else
    { echo "FAIL $name"; sed 's/^/    /' "$work/out"; } >>"$log"
  fi
}

# ------------------------------------------------------------------ specs --

# With the fuzz example, as scripts/fuzz.sh builds it: one feature set (the
# example's dev-dependencies widen a shared crate's), so the release build is shared.
cargo build --release --quiet -p slsc --bin slsc --example fuzz
slsc="$target_dir/release/slsc"

# Not the fuzzer's regressions (tests/fuzz/: mangled input kept because it
# once crashed slsc) nor the fixtures of bytes that are not UTF-8 (E0011):
# the highlighters need not agree with slsc on either.
{
  find examples stdlib tests -name '*.sls' -not -path 'tests/fuzz/*' -not -path 'tests/diagnostics/E0011/*'
  node editors/test/extract.js markdown "$work/docs" docs/*.md docs/errors/*.md
  node editors/test/extract.js corpus "$work/corpus" "$grammar"/test/corpus/*.txt
  node editors/test/extract.js snippets "$work/snippets" "$vscode/snippets/sls.json"
} | sort >"$work/all.txt"

: >"$work/parsed.txt"
: >"$work/rejected.txt"
: >"$work/clean.txt"
while read -r spec; do
  "$slsc" check --color never "$spec" >"$work/check.out" 2>&1 || true
  if grep -q '^E0001' "$work/check.out"; then
    echo "$spec" >>"$work/rejected.txt"
  else
    echo "$spec" >>"$work/parsed.txt"
    # E0002 (invalid escape) and fractional units are what the highlighters mark invalid.
    if ! grep -q -e '^E0002' -e 'fraction not allowed' "$work/check.out"; then
      echo "$spec" >>"$work/clean.txt"
    fi
  fi
done <"$work/all.txt"
echo "test-editors: $(wc -l <"$work/all.txt") specs, $(wc -l <"$work/parsed.txt") parsed by slsc," \
  "$(wc -l <"$work/rejected.txt") rejected with E0001"

# The corpus says which inputs are syntax errors; the compiler must agree.
for expect in "$work"/corpus/*.expect; do
  spec="${expect%.expect}.sls"
  if grep -qx error "$expect"; then want=rejected; else want=parsed; fi
  check "$work/corpus.log" "$(basename "$spec") is $want" grep -qxF "$spec" "$work/$want.txt"
done
tally "tree-sitter corpus: slsc parses or rejects each input as the corpus says" "$work/corpus.log"
for spec in "$work"/snippets/*.sls; do
  check "$work/snippets.log" "$(basename "$spec")" grep -qxF "$spec" "$work/parsed.txt"
done
tally "VS Code snippets: slsc parses each, defaults filled in" "$work/snippets.log"

# ---------------------------------------------------------------- keywords --

node editors/test/check-keywords.js >"$work/keywords.log" || true
tally "keywords: every word of sls.pest is in the three grammars" "$work/keywords.log"

# ---------------------------------------------------------------- TextMate --

check "$work/textmate.log" "sls.tmLanguage.json is what build-grammar.js writes" \
  node "$vscode/syntaxes/build-grammar.js" --check
(cd "$vscode" && node_modules/.bin/vscode-tmgrammar-test -c -g syntaxes/sls.tmLanguage.json 'tests/*.sls') \
  >"$work/tmgrammar.out" 2>&1 || true
for test in "$vscode"/tests/*.sls; do
  rel="tests/$(basename "$test")"
  if grep -q "^✓ $rel " "$work/tmgrammar.out"; then
    echo "ok   scope assertions $rel" >>"$work/textmate.log"
  else
    { echo "FAIL scope assertions $rel"; grep -F "$rel" "$work/tmgrammar.out" | sed 's/^/    /'; } >>"$work/textmate.log"
  fi
done
tally "TextMate: generated grammar, scope assertions of editors/vscode/tests" "$work/textmate.log"

xargs -a "$work/clean.txt" -d '\n' node "$vscode/test/check-no-invalid.js" >"$work/invalid.log" 2>&1 || true
tally "TextMate: no invalid scope in specs without lexical errors" "$work/invalid.log"

# .sls files are specs or Salt states: the extension must tell which.
SLSC_SPECS="$work/parsed.txt" node --test --test-reporter=tap "$vscode/test/detect.test.js" "$vscode/test/extension.test.js" \
  >"$work/detect.log" 2>&1 || true
sed -n -e 's/^ok [0-9]* - \(.*\)/ok   \1/p' -e 's/^not ok [0-9]* - \(.*\)/FAIL \1/p' \
  "$work/detect.log" >"$work/detect.tally"
if grep -q '^FAIL' "$work/detect.tally"; then
  { echo "details:"; sed 's/^/    /' "$work/detect.log"; } >>"$work/detect.tally"
fi
tally "VS Code: specs detected, Salt states left alone, the extension switches specs" "$work/detect.tally"

# ------------------------------------------------------------- tree-sitter --

in_grammar() { (cd "$grammar" && "$@"); }
check "$work/tree-sitter-test.tally" "tree-sitter generate" in_grammar "$ts" generate
in_grammar "$ts" test "${ts_config[@]}" >"$work/tree-sitter-test.log" 2>&1 || true
# One line per corpus test and highlight file (✓ or ✗), colours removed.
sed -e 's/\x1b\[[0-9;]*m//g' "$work/tree-sitter-test.log" \
  | sed -n -e 's/^ *[0-9]*\. ✓ \(.*\)/ok   \1/p' -e 's/^ *[0-9]*\. ✗ \(.*\)/FAIL \1/p' \
  >>"$work/tree-sitter-test.tally"
if grep -q '^FAIL' "$work/tree-sitter-test.tally"; then
  { echo "details:"; sed -e 's/\x1b\[[0-9;]*m//g' -e 's/^/    /' "$work/tree-sitter-test.log"; } >>"$work/tree-sitter-test.tally"
fi
tally "tree-sitter: generate, test (corpus and highlight assertions)" "$work/tree-sitter-test.tally"

# Every spec slsc parses has no ERROR or MISSING node; every one it rejects has one.
"$ts" parse "${ts_config[@]}" --scope source.slsc -q -j --paths "$work/parsed.txt" >"$work/parse-ok.json" 2>/dev/null || true
"$ts" parse "${ts_config[@]}" --scope source.slsc -q -j --paths "$work/rejected.txt" >"$work/parse-bad.json" 2>/dev/null || true
node - "$work/parse-ok.json" "$work/parse-bad.json" "$work/parsed.txt" "$work/rejected.txt" >"$work/parse.log" <<'EOF'
const fs = require('fs');
const [okJson, badJson, okList, badList] = process.argv.slice(2);
// The JSON summary follows one line per file that has an error.
const summary = (f) => {
  const text = fs.readFileSync(f, 'utf8');
  const start = text.indexOf('{');
  return start < 0 ? [] : JSON.parse(text.slice(start)).parse_summaries;
};
const list = (f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean);
for (const [json, files, want] of [[okJson, okList, true], [badJson, badList, false]]) {
  const seen = new Map(summary(json).map((s) => [s.file, s.successful]));
  for (const file of list(files)) {
    const ok = seen.get(file);
    const what = want ? 'no ERROR or MISSING node' : 'an error, as slsc finds';
    console.log(`${ok === want ? 'ok  ' : 'FAIL'} ${file}: ${ok === undefined ? 'not parsed' : what}`);
  }
}
EOF
tally "tree-sitter: no ERROR or MISSING node where slsc parses, an error where it does not" "$work/parse.log"

# --------------------------------------------------------------------- Vim --

grep -E '^(examples|stdlib)/' "$work/parsed.txt" >"$work/indent.txt" || true
SLSC_VIM_SPECS="$work/parsed.txt" SLSC_VIM_CLEAN="$work/clean.txt" SLSC_VIM_INDENT="$work/indent.txt" \
  SLSC_VIM_OUT="$work/vim.log" \
  vim -es -u NONE -i NONE -N --cmd "set rtp^=$root/editors/vim" -S editors/vim/test/run.vim </dev/null || true
tally "Vim: detection, Salt states, group assertions, no error group, indentation" "$work/vim.log"

echo "editors: $passed passed, $failed failed"
((failed == 0))
