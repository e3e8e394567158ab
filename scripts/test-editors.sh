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
# Run scripts/install-editor-tools.sh first. Prints one line per test, then
# `editors: N passed, M failed`; exit status 1 if any failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

ts="$root/.tools/bin/tree-sitter"
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

# Counts the `ok ...` / `FAIL ...` lines a checker printed (and shows them).
tally() {
  local log=$1
  cat "$log"
  passed=$((passed + $(grep -c '^ok ' "$log" || true)))
  failed=$((failed + $(grep -c '^FAIL ' "$log" || true)))
}

# Runs a command as one test; its output is shown only when it fails.
check() {
  local name=$1
  shift
  if "$@" >"$work/log" 2>&1; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    sed 's/^/    /' "$work/log"
    failed=$((failed + 1))
  fi
}

# ------------------------------------------------------------------ specs --

cargo build --release --quiet -p slsc
slsc="$target_dir/release/slsc"

{
  find examples stdlib tests -name '*.sls'
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
  check "corpus agrees with slsc: $(basename "$spec") is $want" grep -qxF "$spec" "$work/$want.txt"
done
for spec in "$work"/snippets/*.sls; do
  check "snippet parses: $(basename "$spec")" grep -qxF "$spec" "$work/parsed.txt"
done

# ---------------------------------------------------------------- keywords --

node editors/test/check-keywords.js >"$work/keywords.log" || true
tally "$work/keywords.log"

# ---------------------------------------------------------------- TextMate --

check "TextMate grammar is what build-grammar.js writes" \
  node "$vscode/syntaxes/build-grammar.js" --check

(cd "$vscode" && node_modules/.bin/vscode-tmgrammar-test -c -g syntaxes/sls.tmLanguage.json 'tests/*.sls') \
  >"$work/tmgrammar.log" 2>&1 || true
for test in "$vscode"/tests/*.sls; do
  rel="tests/$(basename "$test")"
  if grep -q "^✓ $rel " "$work/tmgrammar.log"; then
    echo "ok   textmate assertions $rel"
    passed=$((passed + 1))
  else
    echo "FAIL textmate assertions $rel"
    grep -F "$rel" "$work/tmgrammar.log" | sed 's/^/    /'
    failed=$((failed + 1))
  fi
done

xargs -a "$work/clean.txt" -d '\n' node "$vscode/test/check-no-invalid.js" >"$work/invalid.log" 2>&1 || true
tally "$work/invalid.log"

# .sls files are specs or Salt states: the extension must tell which.
SLSC_SPECS="$work/parsed.txt" node --test --test-reporter=tap "$vscode/test/detect.test.js" "$vscode/test/extension.test.js" \
  >"$work/detect.log" 2>&1 || true
sed -n -e 's/^ok [0-9]* - \(.*\)/ok   vscode detection \1/p' -e 's/^not ok [0-9]* - \(.*\)/FAIL vscode detection \1/p' \
  "$work/detect.log" >"$work/detect.tally"
grep -q . "$work/detect.tally" || echo "FAIL vscode detection: no test ran" >"$work/detect.tally"
if grep -q '^FAIL' "$work/detect.tally"; then sed 's/^/    /' "$work/detect.log" >>"$work/detect.tally"; fi
tally "$work/detect.tally"

# ------------------------------------------------------------- tree-sitter --

in_grammar() { (cd "$grammar" && "$@"); }
check "tree-sitter generate" in_grammar "$ts" generate
in_grammar "$ts" test "${ts_config[@]}" >"$work/tree-sitter-test.log" 2>&1 || true
# One line per corpus test and highlight file (✓ or ✗), colours removed.
sed -e 's/\x1b\[[0-9;]*m//g' "$work/tree-sitter-test.log" \
  | sed -n -e 's/^ *[0-9]*\. ✓ \(.*\)/ok   tree-sitter test \1/p' -e 's/^ *[0-9]*\. ✗ \(.*\)/FAIL tree-sitter test \1/p' \
  >"$work/tree-sitter-test.tally"
grep -q . "$work/tree-sitter-test.tally" || echo "FAIL tree-sitter test: no test ran" >"$work/tree-sitter-test.tally"
if grep -q '^FAIL' "$work/tree-sitter-test.tally"; then
  sed 's/^/    /' "$work/tree-sitter-test.log" >>"$work/tree-sitter-test.tally"
fi
tally "$work/tree-sitter-test.tally"

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
    console.log(`${ok === want ? 'ok  ' : 'FAIL'} tree-sitter parse ${file}: ${ok === undefined ? 'not parsed' : what}`);
  }
}
EOF
tally "$work/parse.log"

# --------------------------------------------------------------------- Vim --

grep -E '^(examples|stdlib)/' "$work/parsed.txt" >"$work/indent.txt" || true
SLSC_VIM_SPECS="$work/parsed.txt" SLSC_VIM_CLEAN="$work/clean.txt" SLSC_VIM_INDENT="$work/indent.txt" \
  SLSC_VIM_OUT="$work/vim.log" \
  vim -es -u NONE -i NONE -N --cmd "set rtp^=$root/editors/vim" -S editors/vim/test/run.vim </dev/null || true
[[ -s "$work/vim.log" ]] || echo "FAIL vim: the test script wrote no report" >"$work/vim.log"
tally "$work/vim.log"

echo "editors: $passed passed, $failed failed"
((failed == 0))
