// Unit tests of the spec/Salt detection, on the repository's specs and on
// the Salt states of editors/testdata/salt/ (`node --test test/detect.test.js`).
// SLSC_SPECS may name a file listing more specs, one path a line
// (scripts/test-editors.sh passes every spec the compiler parses).
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { looksLikeSpec } = require('../src/detect');

const root = path.join(__dirname, '..', '..', '..');
const saltDir = path.join(root, 'editors', 'testdata', 'salt');

function specFiles() {
  if (process.env.SLSC_SPECS) {
    return fs.readFileSync(process.env.SLSC_SPECS, 'utf8').split('\n').filter(Boolean);
  }
  return fs.readdirSync(path.join(root, 'examples'))
    .map((d) => path.join(root, 'examples', d, 'app.sls'))
    .filter((f) => fs.existsSync(f));
}

for (const file of specFiles()) {
  test(`spec detected: ${path.relative(root, path.resolve(file))}`, () => {
    assert.ok(looksLikeSpec(fs.readFileSync(file, 'utf8')));
  });
}

for (const name of fs.readdirSync(saltDir).filter((f) => f.endsWith('.sls')).sort()) {
  test(`Salt state left alone: ${name}`, () => {
    assert.ok(!looksLikeSpec(fs.readFileSync(path.join(saltDir, name), 'utf8')));
  });
}

test('specs without a leading comment', () => {
  for (const text of [
    'app shop {\n}\n',
    '\n\n  queue Jobs\n',
    'use aws.s3\n',
    'use "./events.sls"\n',
    'event Placed from "shop" { id: string }\n',
    'type T { a: int }\n',
    'function F {\r\n  handler = "f.main"\r\n}\r\n',
  ]) {
    assert.ok(looksLikeSpec(text), JSON.stringify(text));
  }
});

test('YAML keys that start with a keyword, and other files', () => {
  for (const text of [
    '', '\n\n', 'app web:\n  pkg.installed: []\n', 'queue:\n  - a\n', 'use aws:\n  pkg.installed\n',
    'function init :\n', 'appliance:\n', 'queueing x\n', '# app shop {\n',
  ]) {
    assert.ok(!looksLikeSpec(text), JSON.stringify(text));
  }
});
