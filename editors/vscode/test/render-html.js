#!/usr/bin/env node
// `node render-html.js SPEC.sls OUT.html`: the spec highlighted by the
// TextMate grammar, coloured by vscode-textmate's own theme matching with the
// colours of VS Code's default dark theme (Dark+) for the scopes the grammar
// uses. It makes the picture in docs/editors.md (see there for the command
// that turns the page into a PNG).
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const { loadGrammar, registryReady } = require('./tokenize');

// Dark+ colours, by the scope selectors Dark+ gives them.
const THEME = {
  name: 'Dark+ (the colours the grammar meets in VS Code)',
  settings: [
    { settings: { foreground: '#D4D4D4', background: '#1E1E1E' } },
    { scope: 'comment', settings: { foreground: '#6A9955' } },
    { scope: ['string', 'string.unquoted'], settings: { foreground: '#CE9178' } },
    { scope: 'constant.character.escape', settings: { foreground: '#D7BA7D' } },
    { scope: ['constant.numeric', 'keyword.other.unit'], settings: { foreground: '#B5CEA8' } },
    { scope: ['constant.language', 'variable.language'], settings: { foreground: '#569CD6' } },
    { scope: ['keyword', 'storage.type', 'keyword.other.http-method'], settings: { foreground: '#569CD6' } },
    { scope: 'keyword.control', settings: { foreground: '#C586C0' } },
    { scope: 'keyword.operator', settings: { foreground: '#D4D4D4' } },
    { scope: 'keyword.operator.wordlike', settings: { foreground: '#569CD6' } },
    { scope: 'entity.name.function', settings: { foreground: '#DCDCAA' } },
    { scope: ['entity.name.type', 'entity.name.namespace', 'support.type'], settings: { foreground: '#4EC9B0' } },
    { scope: 'entity.name.tag', settings: { foreground: '#569CD6' } },
    { scope: ['variable', 'variable.parameter'], settings: { foreground: '#9CDCFE' } },
    { scope: ['variable.other.constant', 'variable.other.enummember'], settings: { foreground: '#4FC1FF' } },
    { scope: 'invalid', settings: { foreground: '#F44747' } },
  ],
};

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function main([spec, out]) {
  const registry = await registryReady();
  registry.setTheme(THEME);
  const grammar = await loadGrammar();
  const colors = registry.getColorMap();
  let state = vsctm.INITIAL;
  const lines = fs.readFileSync(spec, 'utf8').replace(/\n$/, '').split('\n').map((line) => {
    const { tokens, ruleStack } = grammar.tokenizeLine2(line, state);
    state = ruleStack;
    let html = '';
    for (let i = 0; i < tokens.length; i += 2) {
      const start = tokens[i];
      const end = i + 2 < tokens.length ? tokens[i + 2] : line.length;
      // vscode-textmate 7 packs the foreground colour id in bits 15-23.
      const fg = (tokens[i + 1] & 0x00ff8000) >>> 15;
      html += `<span style="color:${colors[fg]}">${escapeHtml(line.slice(start, end))}</span>`;
    }
    return html;
  });
  const numbered = lines.map((l, i) => `<span class="n">${i + 1}</span>${l}`).join('\n');
  fs.writeFileSync(out, `<!doctype html>
<meta charset="utf-8">
<title>${escapeHtml(path.basename(spec))}</title>
<style>
  body { margin: 0; background: #1E1E1E; }
  pre { margin: 0; padding: 14px 18px; font: 13px/19px "DejaVu Sans Mono", monospace; color: #D4D4D4; }
  .n { display: inline-block; width: 2.5em; margin-right: 1.2em; text-align: right; color: #6E7681; }
</style>
<pre>${numbered}</pre>
`);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
