// The language server: LSP wiring only. Checking is the engine's job.

import * as fs from 'node:fs';
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type Diagnostic,
  type CodeAction,
  type InitializeParams,
  type InitializeResult,
  type Hover,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { preloadDetector } from './engine/detector/index';
import { check, fixAll, BlockCache, type CheckResult, type CheckOptions } from './engine/index';
import { listRules } from './engine/registry';
import { resolveConfigForFile, type GongwenConfig, type ResolvedConfig } from './engine/config';
import { hasHan } from './engine/text';
import type { ConfigProblem, DocFormat, Finding, Rule, Severity } from './engine/types';
import { toLspRange, minimalEdits, diagnosticFromFinding, type FindingData } from './lsp-convert';
import { buildOutline } from './engine/outline';
import { outlineToSymbols } from './outline-lsp';
// the Word reader (jszip, saxes) is required on the first gongwen-docx: view only
import type * as WordRead from './docx/read';
import type * as WordLayoutModule from './docx/layout';

export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.gongwen';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let supportsConfiguration = false;
let workspaceTrusted = true;

/** Per-document state: the latest check, its version, and the pending timer. */
interface DocState {
  version: number;
  result?: CheckResult;
  resultVersion?: number;
  timer?: NodeJS.Timeout;
  generation: number;
  cache: BlockCache;
  /**
   * How long the last few checks of this document took (ms) that could re-use
   * the results of an earlier check (not the first check, not one right after
   * a configuration change, which check everything); sizes the wait after an edit.
   */
  checkTimes: number[];
  /** When the last check of this document ended (performance.now()). */
  lastCheckEnd?: number;
}
const states = new Map<string, DocState>();
const settingsCache = new Map<string, Promise<GongwenConfig>>();
const reportedProblems = new Set<string>();

/**
 * The wait after an edit before re-checking, so that a burst of keystrokes
 * costs few checks: the next check starts no sooner than a pause after the
 * last one ended, the pause being what a check after an edit takes in this
 * document (the median of the last CHECK_TIMES such checks, so that one slow
 * check, e.g. one that met a garbage collection, does not hold back the next
 * keystrokes), between MIN_CHANGE_DELAY_MS and CHANGE_DELAY_MS. Checking then
 * takes at most about half of the server's time while the user types on; a
 * keystroke after a longer pause is checked at once; and a draft that checks
 * in 10 ms is not held back by a pause sized for one that takes 100 ms.
 * Checks that could re-use nothing (the first one, on opening) do not count:
 * they take far longer than a check after an edit; until a check after an
 * edit has been timed, the pause is MIN_CHANGE_DELAY_MS.
 * GONGWEN_CHANGE_DELAY_MS fixes the wait after every edit (benchmarks).
 */
const CHANGE_DELAY_MS = 120;
const MIN_CHANGE_DELAY_MS = 5;
const CHECK_TIMES = 5;
const FIXED_CHANGE_DELAY_MS = process.env.GONGWEN_CHANGE_DELAY_MS ? Number(process.env.GONGWEN_CHANGE_DELAY_MS) : undefined;

function changeDelay(uri: string): number {
  if (FIXED_CHANGE_DELAY_MS !== undefined && Number.isFinite(FIXED_CHANGE_DELAY_MS)) return FIXED_CHANGE_DELAY_MS;
  const s = states.get(uri);
  let pause = MIN_CHANGE_DELAY_MS;
  if (s?.checkTimes.length) {
    const sorted = [...s.checkTimes].sort((a, b) => a - b);
    pause = Math.min(CHANGE_DELAY_MS, Math.max(MIN_CHANGE_DELAY_MS, sorted[(sorted.length - 1) >> 1]));
  }
  const since = s?.lastCheckEnd === undefined ? Infinity : performance.now() - s.lastCheckEnd;
  return Math.max(0, Math.round(pause - since));
}

/**
 * The editor checks at most this many characters of a document (about 100
 * pages of 公文; a check takes a second or two here), so that a huge file never
 * freezes the server. The rest is left unchecked and an information
 * diagnostic says so; `gongwen check` checks files of any size.
 * GONGWEN_MAX_CHECK_CHARS overrides it (tests, benchmarks).
 */
const MAX_CHECK_CHARS = Number(process.env.GONGWEN_MAX_CHECK_CHARS) > 0 ? Number(process.env.GONGWEN_MAX_CHECK_CHARS) : 200_000;

/** Where the checked part of a long text ends: at a line break when one is near the limit, never inside a surrogate pair or CRLF. */
function checkedLength(text: string, max = MAX_CHECK_CHARS): number {
  if (text.length <= max) return text.length;
  let cut = text.lastIndexOf('\n', max - 1) + 1;
  if (cut < max / 2) {
    cut = max;
    const c = text.charCodeAt(cut);
    if ((c >= 0xdc00 && c <= 0xdfff) || (c === 10 && text.charCodeAt(cut - 1) === 13)) cut--;
  }
  return cut;
}

/**
 * Test hook: GONGWEN_TEST_FAULT=<rule id> makes that rule throw, to test that
 * a failing rule is reported once and the other rules still run. Unset in
 * normal use.
 */
const TEST_FAULT_RULE = process.env.GONGWEN_TEST_FAULT;
let faultyRules: Rule[] | undefined;
function rulesToRun(): Rule[] | undefined {
  if (!TEST_FAULT_RULE) return undefined;
  faultyRules ??= listRules().map((r) =>
    r.meta.id !== TEST_FAULT_RULE
      ? r
      : {
          meta: r.meta,
          block: () => {
            throw new Error(`GONGWEN_TEST_FAULT: ${r.meta.id}`);
          },
        },
  );
  return faultyRules;
}

/** Check the part of a document the editor checks (see MAX_CHECK_CHARS). */
function checkDocument(text: string, opts: CheckOptions): CheckResult {
  return check(text.slice(0, checkedLength(text)), { ...opts, rules: rulesToRun() });
}

// Load the detector's lexicon (1–3 s) right after start-up, before the first
// check needs it, so that opening a draft does not pay for it.
connection.onInitialized(() => {
  setImmediate(() => {
    const err = preloadDetector();
    if (err) connection.console.warn(`形近音近字检测数据无法加载：${err.message}`);
  });
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  supportsConfiguration = !!params.capabilities.workspace?.configuration;
  const init = (params.initializationOptions ?? {}) as { workspaceTrusted?: boolean };
  if (init.workspaceTrusted === false) workspaceTrusted = false;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll],
        resolveProvider: false,
      },
      hoverProvider: true,
      documentSymbolProvider: { label: '公文结构' },
    },
    serverInfo: { name: 'gongwen', version: '0.1.0' },
  };
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  for (const s of states.values()) s.cache.clear();
  for (const doc of documents.all()) schedule(doc, 0);
});

connection.onNotification('gongwen/workspaceTrusted', (trusted: boolean) => {
  workspaceTrusted = trusted;
  settingsCache.clear();
  // cached block results were computed without the workspace's dictionaries
  for (const s of states.values()) s.cache.clear();
  for (const doc of documents.all()) schedule(doc, 0);
});

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => schedule(e.document, changeDelay(e.document.uri)));
documents.onDidClose((e) => {
  const s = states.get(e.document.uri);
  if (s?.timer) clearTimeout(s.timer);
  states.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

function formatOf(doc: TextDocument): DocFormat | undefined {
  if (doc.languageId === 'markdown') return 'markdown';
  if (doc.languageId === 'plaintext') return 'plaintext';
  return undefined;
}

async function editorSettings(uri: string): Promise<GongwenConfig> {
  if (!supportsConfiguration) return {};
  let p = settingsCache.get(uri);
  if (!p) {
    p = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'gongwen' })
      .then((s: Record<string, unknown> | null) => settingsToConfig(s ?? {}))
      .catch(() => ({}));
    settingsCache.set(uri, p);
  }
  return p;
}

/** VS Code settings (`gongwen.*`) to the engine's config shape. */
function settingsToConfig(s: Record<string, unknown>): GongwenConfig {
  const c: GongwenConfig = {};
  if (typeof s.enable === 'boolean') c.enable = s.enable;
  if (s.rules && typeof s.rules === 'object') c.rules = s.rules as GongwenConfig['rules'];
  if (Array.isArray(s.acceptedWords)) c.acceptedWords = s.acceptedWords.filter((w) => typeof w === 'string');
  if (Array.isArray(s.dictionaries)) c.dictionaries = s.dictionaries.filter((w) => typeof w === 'string');
  if (s.detector && typeof s.detector === 'object' && typeof (s.detector as { enable?: unknown }).enable === 'boolean')
    c.detector = (s.detector as { enable: boolean }).enable;
  return c;
}

async function configFor(doc: TextDocument): Promise<ResolvedConfig> {
  const settings = await editorSettings(doc.uri);
  const uri = URI.parse(doc.uri);
  if (!workspaceTrusted) {
    // Restricted mode: built-in rules and dictionaries only; the project's
    // .gongwenrc.json and every extra dictionary wait for trust.
    const { dictionaries: _d, ...rest } = settings;
    return resolveConfigForFile(undefined, { base: [rest] });
  }
  // the text of a Word document opened for review (gongwen-docx:/dir/FILE.docx.txt): the configuration of the .docx's folder
  const filePath = uri.scheme === 'file' ? uri.fsPath : uri.scheme === 'gongwen-docx' && !uri.query ? URI.file(uri.path).fsPath : undefined;
  return resolveConfigForFile(filePath, { base: [settings] });
}

// ---------------------------------------------------------------------------
// Word documents opened for review (gongwen-docx:/dir/FILE.docx.txt): the
// text is the .docx's paragraphs, one per line, as the CLI checks it; the
// layout's hints (docx/layout.ts: the title, 发文机关标志 and 成文日期) are read here from the .docx
// itself, so that the editor shows what `gongwen check FILE.docx` reports.

type WordReader = typeof WordRead;
type WordLayout = typeof WordLayoutModule;

/** Hints by .docx path: the file's mtime and size when read, the text they belong to, the hints (undefined: unreadable). */
const wordHints = new Map<string, { mtimeMs: number; size: number; text?: string; layout?: WordLayoutModule.LayoutHints }>();

/** The local .docx behind a gongwen-docx: view, or undefined (another scheme, or a view of a remote file). */
function wordFileOf(doc: TextDocument): string | undefined {
  const uri = URI.parse(doc.uri);
  if (uri.scheme !== 'gongwen-docx' || uri.query || !/\.txt$/.test(uri.path)) return undefined;
  return URI.from({ scheme: 'file', authority: uri.authority, path: uri.path.slice(0, -'.txt'.length) }).fsPath;
}

/**
 * The layout's hints for a gongwen-docx: view (CheckOptions.lineDepths and lineRoles), or
 * none ({}): not such a view, the .docx unreadable, or its text no longer the
 * view's (the hints are per line). Read on first use and when the file's
 * mtime or size changes; the Word reader is loaded then only.
 */
async function layoutHintsOf(doc: TextDocument, text: string): Promise<Partial<WordLayoutModule.LayoutHints>> {
  const file = wordFileOf(doc);
  if (!file) return {};
  try {
    const st = await fs.promises.stat(file);
    let hints = wordHints.get(file);
    if (!hints || hints.mtimeMs !== st.mtimeMs || hints.size !== st.size) {
      hints = { mtimeMs: st.mtimeMs, size: st.size };
      wordHints.set(file, hints);
      const bytes = await fs.promises.readFile(file);
      const draft = await (require('./docx/read') as WordReader).readDocx(bytes);
      hints.text = draft.text;
      hints.layout = (require('./docx/layout') as WordLayout).layoutHints(draft);
    }
    return (hints.text === text && hints.layout) || {};
  } catch {
    return {}; // checked without hints, as plain text
  }
}

function stateOf(uri: string): DocState {
  let s = states.get(uri);
  if (!s) {
    s = { version: -1, generation: 0, cache: new BlockCache(), checkTimes: [] };
    states.set(uri, s);
  }
  return s;
}

function schedule(doc: TextDocument, delay: number): void {
  const s = stateOf(doc.uri);
  s.version = doc.version;
  if (s.timer) clearTimeout(s.timer);
  const generation = ++s.generation;
  s.timer = setTimeout(() => {
    s.timer = undefined;
    void validate(doc.uri, generation);
  }, delay);
}

async function validate(uri: string, generation: number): Promise<void> {
  const doc = documents.get(uri);
  const s = states.get(uri);
  if (!doc || !s || s.generation !== generation) return;
  const format = formatOf(doc);
  const text = doc.getText();
  if (!format || !hasHan(text)) {
    s.result = undefined;
    connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
    return;
  }
  const [config, hints] = await Promise.all([configFor(doc), layoutHintsOf(doc, text)]);
  // A newer edit arrived while settings were read: drop this run.
  if (s.generation !== generation || documents.get(uri)?.version !== doc.version) return;
  let result: CheckResult;
  try {
    // a check with an empty cache checks everything: not what an edit costs
    const warm = s.cache.size > 0;
    const started = performance.now();
    result = checkDocument(text, { format, config, cache: s.cache, lineDepths: hints.lineDepths, lineRoles: hints.lineRoles });
    if (warm) {
      s.checkTimes.push(performance.now() - started);
      if (s.checkTimes.length > CHECK_TIMES) s.checkTimes.shift();
    }
  } catch (e) {
    reportOnce(`check:${(e as Error).message}`, `公文助手检查出错，已跳过本次检查：${String((e as Error)?.message ?? e).split('\n')[0]}`, `检查失败 ${uri}: ${(e as Error).stack ?? e}`);
    return;
  }
  reportProblems(result.problems);
  for (const err of result.ruleErrors) reportOnce(`rule:${err.ruleId}`, `规则 ${err.ruleId} 出错，已跳过：${err.message.split('\n')[0]}`, err.message);
  if (s.generation !== generation || documents.get(uri)?.version !== doc.version) return;
  s.result = result;
  s.resultVersion = doc.version;
  const lineStarts = result.model.lineStarts;
  const diagnostics: Diagnostic[] = result.findings.map((f) => diagnosticFromFinding(f, lineStarts));
  diagnostics.push(...notices(doc, text, result));
  connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  s.lastCheckEnd = performance.now();
}

/** Information diagnostics about the check itself: a part left unchecked, Markdown read as plain text, broken front matter. */
function notices(doc: TextDocument, text: string, result: CheckResult): Diagnostic[] {
  const out: Diagnostic[] = [];
  const note = (start: number, message: string) => {
    const line = doc.positionAt(start).line;
    const end = doc.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    out.push({ range: { start: doc.positionAt(start), end: doc.positionAt(Math.max(end, start)) }, severity: 3, source: 'gongwen', message });
  };
  const checked = result.model.source.length;
  if (checked < text.length) {
    const at = doc.positionAt(checked);
    note(
      checked,
      `文档较长（共 ${text.length} 个字符），为保持编辑器流畅，只检查了前 ${checked} 个字符；从此处（第 ${at.line + 1} 行第 ${at.character + 1} 列）起的内容未检查。检查全文请在终端运行 gongwen check 命令。`,
    );
  }
  if (result.model.notice) note(0, result.model.notice);
  if (result.model.frontMatterError) note(0, `${result.model.frontMatterError}；其中的文种等信息未被采用`);
  return out;
}

function reportProblems(problems: ConfigProblem[]): void {
  for (const p of problems) reportOnce(`config:${p.file}:${p.message}`, `公文助手配置有误（${p.file}）：${p.message}`);
}

function reportOnce(key: string, message: string, log?: string): void {
  connection.console.warn(log ?? message);
  if (reportedProblems.has(key)) return;
  reportedProblems.add(key);
  // A plain notification (window/showMessage): nothing to answer, nothing left pending.
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

/** The latest check of a document, recomputed synchronously if stale. */
async function currentResult(doc: TextDocument): Promise<CheckResult | undefined> {
  const s = stateOf(doc.uri);
  if (s.result && s.resultVersion === doc.version) return s.result;
  const format = formatOf(doc);
  if (!format) return undefined;
  const text = doc.getText();
  const [config, hints] = await Promise.all([configFor(doc), layoutHintsOf(doc, text)]);
  s.result = checkDocument(text, { format, config, cache: s.cache, lineDepths: hints.lineDepths, lineRoles: hints.lineRoles });
  s.resultVersion = doc.version;
  return s.result;
}

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== 'gongwen') continue;
      const data = d.data as FindingData | undefined;
      if (!data?.fixes) continue;
      data.fixes.forEach((fix, i) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0 && data.safe,
          edit: {
            documentChanges: [
              {
                textDocument: { uri: doc.uri, version: doc.version },
                edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })),
              },
            ],
          },
        });
      });
      const ruleId = typeof d.code === 'string' ? d.code : '';
      if (ruleId.startsWith('typo/')) {
        // Accept the reported word: the client adds it to `gongwen.acceptedWords`.
        const word = doc.getText(d.range);
        if (word.trim())
          actions.push({
            title: `将“${word}”加入接受词表`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            command: { title: `将“${word}”加入接受词表`, command: 'gongwen.acceptWord', arguments: [word, doc.uri] },
          });
      }
      if (ruleId && doc.languageId === 'markdown') {
        // Suppress this finding: a directive comment on its own block above the line.
        const line = d.range.start.line;
        const lineText = doc.getText({ start: { line, character: 0 }, end: { line, character: 200 } });
        const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
        actions.push({
          title: `在此行停用规则 ${ruleId}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: {
            documentChanges: [
              {
                textDocument: { uri: doc.uri, version: doc.version },
                edits: [
                  {
                    range: { start: { line, character: 0 }, end: { line, character: 0 } },
                    newText: `${indent}<!-- gongwen-disable-next-line ${ruleId} -->\n\n`,
                  },
                ],
              },
            ],
          },
        });
      }
    }
  }

  if (wants(FIX_ALL_KIND)) {
    const edits = await fixAllEdits(doc);
    if (edits.length)
      actions.push({
        title: '修复所有可安全修复的问题（公文助手）',
        kind: FIX_ALL_KIND,
        edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] },
      });
  }
  return actions;
});

/** Fix-all as minimal edits: every safe fix, re-checked between passes. */
async function fixAllEdits(doc: TextDocument) {
  const format = formatOf(doc);
  if (!format) return [];
  const config = await configFor(doc);
  // Only the part the editor checks (MAX_CHECK_CHARS) is fixed; the edits land in it.
  const full = doc.getText();
  const text = full.slice(0, checkedLength(full));
  // the document's block cache: the first pass re-uses the last check, later passes re-check only what changed
  const { output } = fixAll(text, { format, config, rules: rulesToRun(), cache: stateOf(doc.uri).cache });
  if (output === text) return [];
  return minimalEdits(text, output, doc);
}

connection.onHover(async (params): Promise<Hover | null> => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const result = await currentResult(doc);
  if (!result) return null;
  const offset = doc.offsetAt(params.position);
  const hits = result.findings.filter((f) => f.start <= offset && offset <= f.end);
  if (!hits.length) return null;
  const parts = hits.map((f) => hoverText(f));
  const first = hits[0];
  return {
    contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') },
    range: toLspRange(result.model.lineStarts, first.start, first.end),
  };
});

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示', hint: '提示' };

function hoverText(f: Finding): string {
  const lines = [`**${SEVERITY_LABEL[f.severity]}**：${f.message}`];
  if (f.fixes.length) lines.push(`建议：${f.fixes.map((x) => x.title).join('；')}`);
  lines.push(`依据：${f.clause}`);
  lines.push(`规则：\`${f.ruleId}\``);
  return lines.join('\n\n');
}

// The 公文 structure (elements and heading tree) for the Outline view and breadcrumbs.
connection.onDocumentSymbol(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const result = await currentResult(doc);
  if (!result) return [];
  return outlineToSymbols(buildOutline(result.structure, result.model), result.model.lineStarts);
});

documents.listen(connection);
connection.listen();
