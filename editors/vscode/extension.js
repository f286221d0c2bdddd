// The perfplan extension: starts `perfplan lsp` over stdio for .plan files.
// Plain JavaScript, loaded by VS Code as it is (no build step).
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

const INSTALL_HINT_ZH = '请在 perfplan 源码目录运行 `cargo install --path . --locked` 安装，或在设置 perfplan.server.path 中填写 perfplan 程序的完整路径。';
const INSTALL_HINT_EN = 'Install it with `cargo install --path . --locked` in the perfplan source directory, or set perfplan.server.path to the full path of the binary.';
const OPEN_SETTINGS = '打开设置 (Open Settings)';

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;
/** The restart under way, if any: the next one starts after it. */
let restarting = Promise.resolve();

/** The server command as configured: the program and its arguments. */
function serverCommand() {
  const config = vscode.workspace.getConfiguration('perfplan');
  const configured = (config.get('server.path') || '').trim() || 'perfplan';
  const extraArgs = config.get('server.extraArgs') || [];
  return { program: expandPath(configured), args: ['lsp', ...extraArgs.map(String)] };
}

/** `~/bin/perfplan` → the home directory's; a relative path with a separator → the first workspace folder's. */
function expandPath(p) {
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
    return path.join(os.homedir(), p.slice(1));
  }
  const folders = vscode.workspace.workspaceFolders;
  if (!path.isAbsolute(p) && /[\\/]/.test(p) && folders && folders.length > 0) {
    return path.join(folders[0].uri.fsPath, p);
  }
  return p;
}

/** The file a command name runs, looked up as a shell would; undefined when there is none. */
function findProgram(program) {
  const isFile = (f) => {
    try {
      return fs.statSync(f).isFile();
    } catch {
      return false;
    }
  };
  const exts = process.platform === 'win32'
    ? ['', ...(process.env.PATHEXT || '.EXE;.CMD;.BAT').split(';')]
    : [''];
  const candidates = (dir) => exts.map((ext) => path.join(dir, program + ext));
  if (path.isAbsolute(program) || /[\\/]/.test(program)) {
    return candidates('').find(isFile);
  }
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const found = candidates(dir).find(isFile);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** Shows an error with a button to the settings; does not wait for the user. */
async function showError(message) {
  const choice = await vscode.window.showErrorMessage(message, OPEN_SETTINGS);
  if (choice === OPEN_SETTINGS) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'perfplan.server');
  }
}

/**
 * Whether `program` plainly lacks the `lsp` subcommand (a perfplan older than
 * the language server): `program lsp --help` fails and says the subcommand
 * is unknown. Anything else, a timeout included, lets the start go ahead.
 */
function lacksLspSubcommand(program) {
  return new Promise((resolve) => {
    childProcess.execFile(program, ['lsp', '--help'], { timeout: 5000 }, (error, _stdout, stderr) => {
      resolve(Boolean(error) && typeof error.code === 'number' && /unrecognized subcommand|unexpected argument|unknown command/i.test(String(stderr)));
    });
  });
}

/** Starts a client for the configured server; reports, and leaves no client, when it cannot start. */
async function startClient() {
  const { program, args } = serverCommand();
  const resolved = findProgram(program);
  if (!resolved) {
    showError(
      `找不到 perfplan 语言服务器程序“${program}”。${INSTALL_HINT_ZH}\n` +
      `The perfplan language server "${program}" was not found. ${INSTALL_HINT_EN}`
    );
    return;
  }
  if (await lacksLspSubcommand(resolved)) {
    showError(
      `“${resolved}”没有 lsp 子命令：这个 perfplan 版本过旧，不带语言服务器。${INSTALL_HINT_ZH}\n` +
      `"${resolved}" has no lsp subcommand: this perfplan is too old to have the language server. ${INSTALL_HINT_EN}`
    );
    return;
  }
  // No `transport`: with TransportKind.stdio the client would add `--stdio`
  // to the arguments; the server speaks over stdio as `perfplan lsp` alone.
  const serverOptions = { command: resolved, args };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'perfplan' },
      { scheme: 'untitled', language: 'perfplan' },
    ],
    outputChannel: output,
  };
  let next;
  try {
    next = new LanguageClient('perfplan', 'perfplan 语言服务器 (language server)', serverOptions, clientOptions);
    await next.start();
    client = next;
  } catch (err) {
    const reason = err && err.message ? err.message : String(err);
    showError(
      `perfplan 语言服务器“${resolved} ${args.join(' ')}”未能启动：${reason}。详情见输出面板“perfplan”。\n` +
      `The perfplan language server "${resolved} ${args.join(' ')}" did not start: ${reason}. ` +
      'The "perfplan" output panel has the details.'
    );
    try {
      await next?.dispose();
    } catch {
      // It never ran: nothing to release.
    }
  }
}

async function stopClient() {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.dispose();
    } catch {
      // The server had already exited.
    }
  }
}

/** Restarts the server; restarts asked for while one runs wait their turn. */
function restartClient() {
  restarting = restarting
    .then(stopClient)
    .then(startClient)
    .catch((err) => output && output.appendLine(`perfplan: ${err}`));
  return restarting;
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  output = vscode.window.createOutputChannel('perfplan');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('perfplan.restartServer', restartClient),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('perfplan.server')) {
        restartClient();
      }
    })
  );
  await restartClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate, findProgram, expandPath };
