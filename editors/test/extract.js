#!/usr/bin/env node
// Writes .sls files for scripts/test-editors.sh to check, from places where
// specs are embedded in other files:
//
//   extract.js markdown OUT FILE.md...   ```sls blocks of the docs
//   extract.js corpus OUT FILE.txt...    inputs of tree-sitter corpus tests, and
//                                        OUT/NAME.expect: `error` or `ok`
//   extract.js snippets OUT FILE.json    VS Code snippets with their defaults
//                                        filled in, members wrapped in a declaration
//
// Prints the paths written, one a line.
'use strict';

const fs = require('fs');
const path = require('path');

const [mode, out, ...files] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });

function write(name, text) {
  const file = path.join(out, name);
  fs.writeFileSync(file, text);
  console.log(file);
  return file;
}

function markdown() {
  for (const file of files) {
    const base = path.basename(file, '.md');
    let n = 0;
    let block = null;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (block === null && /^```sls\s*$/.test(line)) {
        block = [];
      } else if (block !== null && /^```/.test(line)) {
        n += 1;
        write(`${base}-${String(n).padStart(2, '0')}.sls`, `${block.join('\n')}\n`);
        block = null;
      } else if (block !== null) {
        block.push(line);
      }
    }
  }
}

// tree-sitter corpus format: a ===-delimited header (name, then attributes
// such as `:error`), the input, a --- line, the expected tree.
function corpus() {
  for (const file of files) {
    const base = path.basename(file, '.txt');
    const text = fs.readFileSync(file, 'utf8');
    const header = /^={3,}\n([^\n]*)\n((?::[^\n]*\n)*)={3,}\n([\s\S]*?)\n-{3,}\n/gm;
    let n = 0;
    for (const [, , attributes, input] of text.matchAll(header)) {
      n += 1;
      const name = `${base}-${String(n).padStart(2, '0')}`;
      write(`${name}.sls`, `${input.replace(/^\n+/, '')}\n`);
      fs.writeFileSync(path.join(out, `${name}.expect`), /:error/.test(attributes) ? 'error\n' : 'ok\n');
    }
  }
}

// `${1:default}`, `${1|a,b|}`, `$1`, `$0` -> the default, the first choice, nothing.
function expand(body) {
  return body
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, (_, d) => d.replace(/\\(.)/g, '$1'))
    .replace(/\$\d+/g, '')
    .replace(/\t/g, '  ');
}

function snippets() {
  const defs = JSON.parse(fs.readFileSync(files[0], 'utf8'));
  for (const [name, def] of Object.entries(defs)) {
    let text = expand(def.body.join('\n'));
    // Members are written inside a declaration that takes them.
    if (/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY)\b/.test(text)) text = `api A http {\n  ${text}\n}`;
    else if (/^on\b/.test(text)) text = `function F {\n  handler = "f.main"\n  ${text}\n}`;
    write(`snippet-${name.replace(/\W+/g, '-')}.sls`, `${text.trimEnd()}\n`);
  }
}

({ markdown, corpus, snippets })[mode]();
