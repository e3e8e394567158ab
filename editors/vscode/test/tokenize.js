// Tokenizes .sls text with the extension's TextMate grammar, through the same
// engine VS Code uses (vscode-textmate on the Oniguruma WebAssembly build),
// both installed with vscode-tmgrammar-test.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR = path.join(__dirname, '..', 'syntaxes', 'sls.tmLanguage.json');
const SCOPE = 'source.slsc';

let registryPromise;

function registry() {
  if (!registryPromise) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength))
      .then(() => ({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }));
    registryPromise = Promise.resolve(new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => (scopeName === SCOPE
        ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR)
        : null),
    }));
  }
  return registryPromise;
}

/** The grammar, loaded once. */
async function loadGrammar() {
  const grammar = await (await registry()).loadGrammar(SCOPE);
  if (!grammar) throw new Error(`cannot load ${GRAMMAR}`);
  return grammar;
}

/**
 * Every line of `text` as a list of tokens `{text, scopes}`.
 * @param {string} text
 */
async function tokenize(text) {
  const grammar = await loadGrammar();
  let state = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      text: line.slice(t.startIndex, t.endIndex),
      start: t.startIndex,
      scopes: t.scopes,
    }));
  });
}

module.exports = { tokenize, loadGrammar, registryReady: registry };

// `node tokenize.js FILE`: print each token with its scopes, for debugging.
if (require.main === module) {
  tokenize(fs.readFileSync(process.argv[2], 'utf8')).then((lines) => {
    lines.forEach((tokens, i) => {
      for (const t of tokens) {
        if (t.text.trim() === '') continue;
        console.log(`${i + 1}:${t.start + 1}\t${JSON.stringify(t.text)}\t${t.scopes.slice(1).join(' ')}`);
      }
    });
  });
}
