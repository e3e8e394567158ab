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

let client;

// Starts `slsc lsp` for slsc documents, unless turned off. The client
// library is loaded only then, so that highlighting works without it.
function startServer(context) {
  const config = vscode.workspace.getConfiguration('slsc');
  if (!config.get('server.enabled', true)) return undefined;
  const command = config.get('server.path', 'slsc') || 'slsc';
  const { LanguageClient } = require('vscode-languageclient/node');
  client = new LanguageClient(
    'slsc',
    'slsc language server',
    { command, args: ['lsp'] },
    { documentSelector: [{ language: LANGUAGE }] },
  );
  client.start().catch((err) => {
    vscode.window.showWarningMessage(
      `slsc: cannot start the language server (\`${command} lsp\`): ${err.message}. ` +
        'Install slsc (cargo install --path compiler) or set slsc.server.path.',
    );
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client;
}

function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(maybeSwitch));
  vscode.workspace.textDocuments.forEach(maybeSwitch);
  startServer(context);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
