#!/usr/bin/env node
// `node check-no-invalid.js FILE...`: tokenizes each spec with the TextMate
// grammar and fails if any token has an `invalid` scope. The files are specs
// the compiler parses, so an `invalid` token there is a grammar bug.
// Prints one line per file and exits 1 if any file failed.
'use strict';

const fs = require('fs');
const { tokenize } = require('./tokenize');

async function main(files) {
  let failed = 0;
  for (const file of files) {
    const lines = await tokenize(fs.readFileSync(file, 'utf8'));
    const bad = [];
    lines.forEach((tokens, i) => {
      for (const t of tokens) {
        const scope = t.scopes.find((sc) => sc.startsWith('invalid'));
        if (scope) bad.push(`${file}:${i + 1}:${t.start + 1}: ${JSON.stringify(t.text)} is ${scope}`);
      }
    });
    if (bad.length) {
      failed += 1;
      console.log(`FAIL ${file}`);
      bad.forEach((b) => console.log(`    ${b}`));
    } else {
      console.log(`ok   ${file}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
