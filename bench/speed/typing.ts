// The typing path through the real language server (dist/server.js) over
// stdio, driven by the headless LSP client of the protocol tests; and the
// server's memory after opening a large document. Run by bench/speed/run.mjs
// with tsx, in a child process of its own.
//
// Input: a JSON file (argv[2]) with { docs, typing, edits, rss }.
// Output: one JSON object on stdout.
//
// For each document: open it, wait for its diagnostics, make 5 warm-up
// edits, then `edits` one-character edits at seeded random places, each
// sent as an incremental didChange once the previous edit's diagnostics
// have arrived; the time from sending didChange to receiving the
// publishDiagnostics of that version is recorded. Each document runs twice:
// with the server's own (adaptive) wait after an edit, and with the wait set
// to 0 (GONGWEN_CHANGE_DELAY_MS=0), which gives the time net of the wait.

import * as fs from 'node:fs';
import { LspSession } from '../../test/helpers/lspSession';
import { edits } from './edits';

interface Input {
  docs: Record<string, { file: string; chars: number; ext: string }>;
  typing: string[];
  edits: number;
  rss?: string;
  /** Also measure net of the wait (GONGWEN_CHANGE_DELAY_MS=0); default true. */
  net?: boolean;
}

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Input;

function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let from = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    from = i + 1;
  }
  return { line, character: offset - from };
}

function procStatus(pid: number): { rssKB: number; hwmKB: number } {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(s)?.[1] ?? NaN);
  return { rssKB: kb('VmRSS'), hwmKB: kb('VmHWM') };
}

async function start(delay?: number, maxCheckChars?: number): Promise<{ session: LspSession; initMs: number }> {
  if (delay === undefined) delete process.env.GONGWEN_CHANGE_DELAY_MS;
  else process.env.GONGWEN_CHANGE_DELAY_MS = String(delay);
  if (maxCheckChars === undefined) delete process.env.GONGWEN_MAX_CHECK_CHARS;
  else process.env.GONGWEN_MAX_CHECK_CHARS = String(maxCheckChars);
  const t0 = performance.now();
  const session = new LspSession();
  await session.initialize();
  return { session, initMs: performance.now() - t0 };
}

async function openDoc(session: LspSession, key: string): Promise<{ uri: string; text: string; openMs: number; diagnostics: number }> {
  const d = input.docs[key];
  const text = fs.readFileSync(d.file, 'utf8');
  const uri = `file:///bench/${key.replace(/[^\w.]/g, '_')}`;
  const t0 = performance.now();
  const first = session.waitForDiagnostics(uri, () => true, 600_000);
  await session.open(uri, d.ext === 'md' ? 'markdown' : 'plaintext', text, 1);
  const p = await first;
  return { uri, text, openMs: performance.now() - t0, diagnostics: p.diagnostics.length };
}

async function typing(key: string, delay: number | undefined) {
  const { session, initMs } = await start(delay);
  try {
    let { uri, text, openMs } = await openDoc(session, key);
    const ms: number[] = [];
    let version = 1;
    let k = 0;
    for (const e of edits(text, input.edits + 5)) {
      const pos = position(text, e.offset);
      text = text.slice(0, e.offset) + e.insert + text.slice(e.offset);
      const v = ++version;
      const done = session.waitForDiagnostics(uri, (p) => p.version === v, 120_000);
      const t0 = performance.now();
      await session.change(uri, v, [{ range: { start: pos, end: pos }, text: e.insert }]);
      await done;
      if (k++ >= 5) ms.push(performance.now() - t0);
    }
    return { ms, openMs, initMs };
  } finally {
    await session.shutdown();
  }
}

async function main() {
  const out: Record<string, unknown> = { typing: {}, rss: undefined };
  for (const key of input.typing) {
    const adaptive = await typing(key, undefined);
    const net = input.net === false ? undefined : await typing(key, 0);
    (out.typing as Record<string, unknown>)[key] = { adaptive, net };
    process.stderr.write(`  server typing ${key} done\n`);
  }
  const rssKey = input.rss;
  if (rssKey) {
    // As shipped (the editor checks the first MAX_CHECK_CHARS characters of a
    // long document), and with the limit lifted so that the whole document is checked.
    const memory = async (maxCheckChars?: number) => {
      const { session, initMs } = await start(undefined, maxCheckChars);
      try {
        const pid = session.proc.pid!;
        const idle = procStatus(pid);
        const { openMs, diagnostics } = await openDoc(session, rssKey);
        // let the event loop settle, then read the resident set
        await new Promise((r) => setTimeout(r, 300));
        return { key: rssKey, initMs, openMs, diagnostics, idle, afterOpen: procStatus(pid) };
      } finally {
        await session.shutdown();
      }
    };
    out.rss = await memory();
    out.rssWhole = await memory(10_000_000);
    process.stderr.write(`  server memory ${input.rss} done\n`);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
