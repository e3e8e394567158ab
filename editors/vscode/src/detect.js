// Tells an slsc spec from a SaltStack state: both use the .sls extension.
//
// A spec's first line that is not blank is a `//` comment, a `use` line or a
// declaration (`queue Orders {`). Salt states are YAML and Jinja: their first
// lines are `nginx:`, `{% set ... %}`, `#!py`, `# comment`, `base:`, `---`.
// A state ID that happens to start with a declaration keyword (`app web:`)
// is a YAML key, told apart by the `:` right after the name.
// The same rule is in editors/vim/ftdetect/slsc.vim.
'use strict';

const DECLARATION = /^(?:app|type|event|function|api|rule|schedule|queue|topic|bus|table|bucket|stream|state_machine|secret|parameter|param|userpool|resource|pipe|schedule_group|layer|stage|alarm|condition)\s+[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_])/;
const USE = /^use\s+(?:"|[A-Za-z_][A-Za-z0-9_.]*(?![A-Za-z0-9_.]))/;
// Only the start of a file is looked at: a spec shows what it is at once.
const MAX_LINES = 200;

/**
 * Whether `text` (the content of a .sls file) is an slsc spec.
 * @param {string} text
 * @returns {boolean}
 */
function looksLikeSpec(text) {
  const lines = text.split(/\r?\n/, MAX_LINES);
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('//')) return true;
    const m = DECLARATION.exec(line) || USE.exec(line);
    return m !== null && !/^\s*:/.test(line.slice(m[0].length));
  }
  return false;
}

module.exports = { looksLikeSpec };
