// Tests of extension.js with a stand-in for the `vscode` module: which
// documents it switches to the slsc language (`node --test test/*.test.js`).
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const Module = require('module');

const switched = [];
const settings = { detectSpecs: true, 'server.path': '/opt/slsc/bin/slsc' };
const started = [];
let onOpen = null;
const openDocuments = [];
const fakeVscode = {
  workspace: {
    getConfiguration: () => ({ get: (key, fallback) => (key in settings ? settings[key] : fallback) }),
    onDidOpenTextDocument: (listener) => {
      onOpen = listener;
      return { dispose() {} };
    },
    textDocuments: openDocuments,
  },
  window: { showWarningMessage: () => undefined },
  languages: {
    setTextDocumentLanguage: (document, language) => {
      switched.push([document.fileName, language]);
      return Promise.resolve(document);
    },
  },
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fakeVscode };
// The language client, as the extension starts it.
class FakeClient {
  constructor(id, name, server, options) {
    started.push({ id, server, selector: options.documentSelector });
  }
  start() {
    return Promise.resolve();
  }
  stop() {
    return Promise.resolve();
  }
}
const clientPath = require.resolve('vscode-languageclient/node');
require.cache[clientPath] = { id: clientPath, filename: clientPath, loaded: true, exports: { LanguageClient: FakeClient } };

const doc = (fileName, text, languageId = 'plaintext') => ({ fileName, languageId, uri: fileName, getText: () => text });

const extension = require('../src/extension');

test('documents open at activation are switched', () => {
  openDocuments.push(doc('/w/app.sls', '// shop\napp shop {}\n'), doc('/w/top.sls', 'base:\n  "*": []\n', 'sls'));
  extension.activate({ subscriptions: [] });
  assert.deepStrictEqual(switched.splice(0), [['/w/app.sls', 'slsc']]);
});

test('activation starts `slsc lsp` from slsc.server.path for slsc documents', () => {
  assert.deepStrictEqual(started, [
    { id: 'slsc', server: { command: '/opt/slsc/bin/slsc', args: ['lsp'] }, selector: [{ language: 'slsc' }] },
  ]);
});

test('a spec opened later is switched, even from the Salt extension', () => {
  onOpen(doc('/w/events.sls', 'event E from "x" { a: string }\n', 'sls'));
  assert.deepStrictEqual(switched.splice(0), [['/w/events.sls', 'slsc']]);
});

test('Salt states, other files and slsc documents are left alone', () => {
  onOpen(doc('/w/nginx.sls', '{% set v = 1 %}\nnginx:\n  pkg.installed\n', 'sls'));
  onOpen(doc('/w/notes.txt', '// app shop {\n'));
  onOpen(doc('/w/app.sls', '// shop\n', 'slsc'));
  assert.deepStrictEqual(switched.splice(0), []);
});

test('slsc.detectSpecs = false turns detection off', () => {
  settings.detectSpecs = false;
  onOpen(doc('/w/app.sls', '// shop\napp shop {}\n'));
  settings.detectSpecs = true;
  assert.deepStrictEqual(switched.splice(0), []);
});
