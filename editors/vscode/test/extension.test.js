// The extension as packaged, run outside VS Code: `node --test` with the
// folder of the unpacked .vsix in PERFPLAN_EXTENSION_DIR (test.sh sets it).
// The `vscode` module is a stand-in: every API is a no-op object, except
// the few these tests read (settings, error messages, commands).
'use strict';

const assert = require('node:assert');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const test = require('node:test');

const dir = process.env.PERFPLAN_EXTENSION_DIR || path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));

/** An object on which every property is another such object, callable and constructible. */
function anything() {
  const cache = {};
  return new Proxy(function () {}, {
    get(target, key) {
      if (key === 'prototype') return target.prototype;
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (!(key in cache)) cache[key] = anything();
      return cache[key];
    },
    apply: () => anything(),
    construct: () => anything(),
  });
}

/** A `vscode` module whose settings are `settings` and which records what the extension shows. */
function fakeVscode(settings) {
  const seen = { errors: [], commands: [] };
  const base = anything();
  const vscode = new Proxy({}, {
    get(_, key) {
      if (key === 'version') return '1.95.0';
      if (key === 'workspace') {
        return new Proxy({}, {
          get(__, k) {
            if (k === 'getConfiguration') {
              return (section) => ({ get: (key, fallback) => settings[`${section}.${key}`] ?? fallback });
            }
            if (k === 'workspaceFolders') return undefined;
            return base.workspace[k];
          },
        });
      }
      if (key === 'window') {
        return new Proxy({}, {
          get(__, k) {
            if (k === 'showErrorMessage') {
              return (message) => {
                seen.errors.push(message);
                return Promise.resolve(undefined);
              };
            }
            return base.window[k];
          },
        });
      }
      if (key === 'commands') {
        return new Proxy({}, {
          get(__, k) {
            if (k === 'registerCommand') {
              return (id, handler) => {
                seen.commands.push({ id, handler });
                return { dispose() {} };
              };
            }
            return base.commands[k];
          },
        });
      }
      return base[key];
    },
  });
  return { vscode, seen };
}

/** Loads the extension afresh with `vscode` standing in for VS Code's module. */
function loadExtension(vscode) {
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  try {
    for (const key of Object.keys(require.cache)) {
      if (key.startsWith(dir)) delete require.cache[key];
    }
    return require(path.join(dir, manifest.main));
  } finally {
    Module._load = load;
  }
}

const context = () => ({ subscriptions: [] });

test('the manifest names files that are in the package', () => {
  assert.strictEqual(manifest.name, 'perfplan');
  assert.strictEqual(manifest.publisher, 'perfplan');
  const [language] = manifest.contributes.languages;
  assert.deepStrictEqual([language.id, language.extensions], ['perfplan', ['.plan']]);
  const [grammar] = manifest.contributes.grammars;
  assert.strictEqual(grammar.scopeName, 'source.perfplan');
  for (const file of [manifest.main, language.configuration, grammar.path]) {
    assert.ok(fs.existsSync(path.join(dir, file)), `${file} is in the package`);
  }
  const settings = Object.keys(manifest.contributes.configuration.properties);
  assert.deepStrictEqual(settings, ['perfplan.server.path', 'perfplan.server.extraArgs', 'perfplan.trace.server']);
});

test('a missing binary is reported with how to install it', async () => {
  const { vscode, seen } = fakeVscode({ 'perfplan.server.path': 'perfplan-that-is-not-installed' });
  const extension = loadExtension(vscode);
  await extension.activate(context());
  assert.deepStrictEqual(seen.commands.map((c) => c.id), ['perfplan.restartServer']);
  assert.strictEqual(seen.errors.length, 1);
  const [message] = seen.errors;
  for (const part of ['找不到', 'not found', 'cargo install --path . --locked', 'perfplan.server.path', 'perfplan-that-is-not-installed']) {
    assert.ok(message.includes(part), `the message says ${part}: ${message}`);
  }
  await extension.deactivate();
});

test('the server is started as `<path> lsp <extraArgs>` and stopped on deactivate', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-ext-'));
  const server = path.join(tmp, 'perfplan');
  fs.writeFileSync(server, `#!/bin/sh\nexec "${process.execPath}" "${path.join(__dirname, 'fake-server.js')}" "$@"\n`, { mode: 0o755 });
  const log = path.join(tmp, 'log.jsonl');
  process.env.PERFPLAN_FAKE_SERVER_LOG = log;
  const { vscode, seen } = fakeVscode({
    'perfplan.server.path': server,
    'perfplan.server.extraArgs': ['--verbose'],
  });
  const extension = loadExtension(vscode);
  await extension.activate(context());
  assert.deepStrictEqual(seen.errors, []);
  await extension.deactivate();
  // The client sends `exit` without waiting for the server to read it.
  const read = () => fs.readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  for (let i = 0; i < 50 && !read().some((e) => e.method === 'exit'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const entries = read();
  assert.deepStrictEqual(entries[0], { argv: ['lsp', '--verbose'] });
  const methods = entries.slice(1).map((e) => e.method);
  assert.deepStrictEqual(methods.slice(0, 2), ['initialize', 'initialized']);
  assert.deepStrictEqual(methods.slice(-2), ['shutdown', 'exit']);
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('a binary without the lsp subcommand is reported as too old', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-ext-'));
  const server = path.join(tmp, 'perfplan');
  fs.writeFileSync(server, "#!/bin/sh\necho \"error: unrecognized subcommand '$1'\" >&2\nexit 2\n", { mode: 0o755 });
  const { vscode, seen } = fakeVscode({ 'perfplan.server.path': server });
  const extension = loadExtension(vscode);
  await extension.activate(context());
  await extension.deactivate();
  assert.strictEqual(seen.errors.length, 1, `one error: ${seen.errors}`);
  for (const part of ['没有 lsp 子命令', 'too old', 'cargo install --path . --locked']) {
    assert.ok(seen.errors[0].includes(part), `the message says ${part}: ${seen.errors[0]}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});
