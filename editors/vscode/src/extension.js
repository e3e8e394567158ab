// Opens .sls files that are slsc specs in the `slsc` language. The extension
// does not claim the .sls extension in package.json, because SaltStack states
// use it too: a claim would take Salt files over (or lose them to a Salt
// extension, at random). Instead each .sls document is looked at when it is
// opened, and switched only if its content is a spec (see detect.js).
'use strict';

const vscode = require('vscode');
const { looksLikeSpec } = require('./detect');

const LANGUAGE = 'slsc';

function maybeSwitch(document) {
  if (document.languageId === LANGUAGE || !document.fileName.endsWith('.sls')) return;
  if (!vscode.workspace.getConfiguration('slsc', document.uri).get('detectSpecs', true)) return;
  if (!looksLikeSpec(document.getText())) return;
  vscode.languages.setTextDocumentLanguage(document, LANGUAGE).then(undefined, () => {
    // The document was closed in the meantime: nothing to do.
  });
}

function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(maybeSwitch));
  vscode.workspace.textDocuments.forEach(maybeSwitch);
}

function deactivate() {}

module.exports = { activate, deactivate };
