#!/usr/bin/env node
// Fails when a word of the language is missing from an editor grammar, so
// that a keyword added to compiler/src/syntax/sls.pest cannot be forgotten in
// editors/. The words are the string literals of the keyword rules (`kw_*`),
// of `http_method`, and the units of `duration` and `size`.
// Prints one `ok`/`FAIL` line per grammar; exit status 1 on a failure.
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const read = (p) => fs.readFileSync(path.join(root, p), 'utf8');

function pestWords(pest) {
  const words = new Set();
  const rules = /^(kw_\w+|http_method|duration|size)\s*=\s*[@$_]?\{(.*)\}\s*$/gm;
  for (const [, , body] of pest.matchAll(rules)) {
    for (const [, word] of body.matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)) words.add(word);
  }
  return [...words].sort();
}

const grammars = {
  'tree-sitter (editors/tree-sitter-sls/grammar.js)': {
    text: read('editors/tree-sitter-sls/grammar.js'),
    has: (text, w) => text.includes(`'${w}'`),
  },
  'TextMate (editors/vscode/syntaxes/sls.tmLanguage.json)': {
    text: read('editors/vscode/syntaxes/sls.tmLanguage.json'),
    // The words sit in regex alternations: `\b(?:reads|writes)\b`, `(ms|s|m|h|d)`.
    has: (text, w) => new RegExp(`(?:\\\\\\\\b|[(|:])${w}(?:\\\\\\\\b|[|)])`).test(text),
  },
  'Vim (editors/vim/syntax/slsc.vim)': {
    text: read('editors/vim/syntax/slsc.vim'),
    // Every word is an item of one of the lists at the top: `'reads'`.
    has: (text, w) => text.includes(`'${w}'`),
  },
};

const words = pestWords(read('compiler/src/syntax/sls.pest'));
if (words.length < 30) {
  console.log(`FAIL keywords: found only ${words.length} words in sls.pest; has its layout changed?`);
  process.exit(1);
}
let failed = 0;
for (const [name, { text, has }] of Object.entries(grammars)) {
  const missing = words.filter((w) => !has(text, w));
  if (missing.length) {
    failed += 1;
    console.log(`FAIL keywords ${name}: missing ${missing.join(', ')}`);
  } else {
    console.log(`ok   keywords ${name}: all ${words.length} words of sls.pest`);
  }
}
process.exitCode = failed ? 1 : 0;
