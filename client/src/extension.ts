// The VS Code side: starts the bundled language server and contributes the
// commands, the status bar item and the template features. No checking logic
// lives here; each feature is its own module.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerFixAll } from './fixAll';
import { registerAcceptWord } from './acceptWord';
import { registerStatusBar } from './statusBar';
import { registerExportDocx } from './exportDocx';
import { registerTemplates } from './templates';
import { registerDocx } from './docx';

export { FIX_ALL_KIND } from './fixAll';

// Activation timing: scripts/build.mjs puts `globalThis.__gongwenBundleStart =
// performance.now();` at the top of dist/client.js (an esbuild banner), so it
// is taken when the bundle starts running, after Node has read and compiled
// the file and before any module's top-level code. Unbundled (tsx, tests) it
// is absent: then the time this module was evaluated stands in.
declare global {
  var __gongwenBundleStart: number | undefined;
}
const bundleStart: number = typeof globalThis.__gongwenBundleStart === 'number' ? globalThis.__gongwenBundleStart : performance.now();

let client: LanguageClient | undefined;

/** How long activation took, in milliseconds (performance.now() differences). */
export interface ActivationTimings {
  /**
   * From the start of the bundle's evaluation to the call of activate(): evaluating every
   * module (evalMs), then whatever VS Code does before calling activate() (it prepares the
   * ExtensionContext alongside, in round trips to the window: on a busy machine that part
   * can outlast the evaluation).
   */
  loadMs: number;
  /** From the start of the bundle's evaluation to its end: evaluating every module (absent unbundled). */
  evalMs?: number;
  /** From the start of the bundle's evaluation to the end of activate(). */
  activateMs?: number;
  /** From the call of activate() until the language client is ready (server started, initialize answered). */
  serverReadyMs?: number;
}

/** The extension's API, as returned by activate() (vscode.extensions.getExtension(...).exports). */
export interface GongwenApi {
  client: LanguageClient;
  timings: ActivationTimings;
}

export async function activate(context: vscode.ExtensionContext): Promise<GongwenApi> {
  const activateStart = performance.now();
  const timings: ActivationTimings = { loadMs: activateStart - bundleStart, evalMs: bundleEvaluated };
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Gongwen'), { log: true });
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);

  registerFixAll(context);
  registerAcceptWord(context);
  registerExportDocx(context, output);
  registerTemplates(context);
  registerDocx(context, output);
  registerStatusBar(context);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('gongwen/workspaceTrusted', true);
    }),
  );

  await client.start();
  const ready = performance.now();
  timings.serverReadyMs = ready - activateStart;
  timings.activateMs = ready - bundleStart;
  const ms = (x: number) => `${Math.round(x)} ms`;
  output.info(`公文助手已启动：激活用时 ${ms(timings.activateMs)}（加载扩展 ${ms(timings.loadMs)}，启动语言服务器 ${ms(timings.serverReadyMs)}）`);
  return { client, timings };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

// This module is the bundle's entry: its last statement ends the bundle's evaluation.
const bundleEvaluated = globalThis.__gongwenBundleStart === undefined ? undefined : performance.now() - bundleStart;
