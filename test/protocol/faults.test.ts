// Hostile input, configuration errors, rule faults, restricted mode and the
// no-network promise, tested against the real bundled server over stdio.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { LspSession, SERVER } from '../helpers/lspSession';

const DRAFT = '# 关于做好安全生产工作的通知\n\n为进一步布署安全生产工作，现通知如下。\n';
const CLEAN = '各地区各部门要认真贯彻落实党中央决策部署，切实做好安全生产工作，确保人民群众生命财产安全。';

let counter = 0;
function freshUri(name = '通知.md'): string {
  return `file:///tmp/gongwen-faults/${++counter}/${name}`;
}

function lineTexts(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Every range lies inside the document, on its lines. */
function assertRangesInside(text: string, diags: Diagnostic[]): void {
  const lines = lineTexts(text);
  for (const d of diags) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} outside ${lines.length} lines: ${d.message}`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} outside line ${p.line}: ${d.message}`);
    }
    assert.ok(
      d.range.start.line < d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character),
      'range ends before it starts',
    );
  }
}

function typoAt(diags: Diagnostic[], line: number, character: number): Diagnostic | undefined {
  return diags.find((d) => d.code === 'typo/dictionary' && d.range.start.line === line && d.range.start.character === character);
}

/** Open a document and resolve with its first published diagnostics. */
async function openAndWait(s: LspSession, uri: string, text: string, languageId = 'markdown', timeoutMs = 60000): Promise<Diagnostic[]> {
  const p = s.waitForDiagnostics(uri, () => true, timeoutMs);
  await s.open(uri, languageId, text);
  return (await p).diagnostics;
}

describe('server faults and hostile input (protocol)', function () {
  this.timeout(180000);

  before(() => {
    assert.ok(fs.existsSync(SERVER), 'run npm run build first');
  });

  describe('hostile documents: the server answers each and keeps serving', () => {
    let s: LspSession;
    before(async () => {
      s = new LspSession();
      await s.initialize();
    });
    after(async () => {
      await s.shutdown();
    });
    afterEach(async () => {
      // after every hostile document, a normal draft gets correct diagnostics from the same server
      const diags = await openAndWait(s, freshUri(), DRAFT);
      const d = typoAt(diags, 2, 4);
      assert.ok(d, `normal draft after a hostile one: ${JSON.stringify(diags)}`);
      assert.deepEqual(d.range.end, { line: 2, character: 6 });
      assert.equal(s.proc.exitCode, null, 'the server exited');
    });

    it('binary-looking content (NUL bytes, control characters) is checked as text', async () => {
      const text = '\u0000\u0001PNG\u0000关于\u0000布署工作的通知\u0000\u0007\n\u0000\u0000\u0000\n';
      const diags = await openAndWait(s, freshUri('bin.txt'), text, 'plaintext');
      assertRangesInside(text, diags);
      assert.ok(typoAt(diags, 0, 9), JSON.stringify(diags));
    });

    it('an empty document and a whitespace-only document get empty diagnostics', async () => {
      assert.deepEqual(await openAndWait(s, freshUri(), ''), []);
      assert.deepEqual(await openAndWait(s, freshUri(), ' \n\t\r\n\u3000\u3000\n\n'), []);
      assert.deepEqual(await openAndWait(s, freshUri('a.txt'), '\n\n\n', 'plaintext'), []);
    });

    it('a single line of one million characters: checked up to the limit, and the diagnostics say what was left out', async () => {
      const text = '要布署工作，' + CLEAN.repeat(Math.ceil(1_000_000 / CLEAN.length)) + '\n';
      assert.ok(text.length > 1_000_000);
      const t0 = Date.now();
      const diags = await openAndWait(s, freshUri(), text);
      console.log(`      1M-character line: diagnostics after ${Date.now() - t0} ms`);
      assertRangesInside(text, diags);
      assert.ok(typoAt(diags, 0, 1), 'the mistake at the start is found');
      const notice = diags.find((d) => d.severity === 3 && /只检查了前/.test(String(d.message)));
      assert.ok(notice, JSON.stringify(diags.slice(0, 5)));
      assert.equal(notice.range.start.line, 0);
      assert.ok(notice.range.start.character > 100_000 && notice.range.start.character < 1_000_000);
    });

    it('a 5 MB document: checked up to the limit with a notice; a small document opened right after gets its diagnostics', async () => {
      const sample = fs.readFileSync(path.resolve(__dirname, '../../samples/通知-有错误.md'), 'utf8');
      const big = (sample + '\n').repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(sample + '\n')));
      assert.ok(Buffer.byteLength(big) >= 5 * 1024 * 1024);
      const bigUri = freshUri('big.md');
      const smallUri = freshUri('small.md');
      const bigDiags = s.waitForDiagnostics(bigUri, () => true, 120000);
      const smallDiags = s.waitForDiagnostics(smallUri, () => true, 120000);
      const t0 = Date.now();
      await s.open(bigUri, 'markdown', big);
      await s.open(smallUri, 'markdown', DRAFT);
      const small = await smallDiags;
      const tSmall = Date.now() - t0;
      const bigPub = await bigDiags;
      console.log(`      5 MB draft (${big.length} characters): small draft answered after ${tSmall} ms, big one after ${Date.now() - t0} ms`);
      assert.ok(typoAt(small.diagnostics, 2, 4), JSON.stringify(small.diagnostics));
      assertRangesInside(big, bigPub.diagnostics);
      const notice = bigPub.diagnostics.find((d) => d.severity === 3 && /只检查了前/.test(String(d.message)));
      assert.ok(notice, 'the unchecked part is announced');
      assert.match(String(notice.message), /gongwen check/);
      // findings from the checked part are there
      assert.ok(bigPub.diagnostics.filter((d) => d.code === 'typo/dictionary').length > 10);
      // hover and fix-all stay within the checked part and answer
      const t1 = Date.now();
      const actions: any[] = await s.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri: bigUri },
        range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.gongwen'] },
      });
      console.log(`      5 MB draft: fix-all answered after ${Date.now() - t1} ms`);
      assert.ok(Array.isArray(actions));
      for (const a of actions)
        for (const e of a.edit.documentChanges[0].edits) assert.ok(e.range.end.line <= notice.range.start.line, 'a fix-all edit beyond the checked part');
      await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: bigUri } });
    });

    it('10,000 nested block quotes and 3,000 nested lists: checked as plain text, with a notice', async () => {
      for (const text of ['>'.repeat(10000) + ' 要布署工作。\n', '- '.repeat(3000) + '要布署工作。\n']) {
        const diags = await openAndWait(s, freshUri(), text);
        assertRangesInside(text, diags);
        assert.ok(
          diags.some((d) => d.severity === 3 && /嵌套层次过深/.test(String(d.message))),
          JSON.stringify(diags),
        );
        assert.ok(diags.some((d) => d.code === 'typo/dictionary'), 'the draft is still checked');
      }
    });

    it('broken front matter: a notice on the first line, the body is still checked', async () => {
      const text = '---\ntitle: [未闭合\n  - x: : :\n---\n\n# 关于布署工作的通知\n';
      const diags = await openAndWait(s, freshUri(), text);
      assertRangesInside(text, diags);
      const notice = diags.find((d) => /前置元数据/.test(String(d.message)));
      assert.ok(notice, JSON.stringify(diags));
      assert.equal(notice.severity, 3);
      assert.equal(notice.range.start.line, 0);
      assert.ok(typoAt(diags, 5, 4), JSON.stringify(diags));
    });

    it('lone surrogates: valid ranges, findings in the right place', async () => {
      const text = '关于\uD800布署\uDC00的通知。\n\uDFFF要布署。\uD83D\n';
      const diags = await openAndWait(s, freshUri(), text);
      assertRangesInside(text, diags);
      assert.ok(typoAt(diags, 0, 3), JSON.stringify(diags));
      assert.ok(typoAt(diags, 1, 2), JSON.stringify(diags));
    });

    it('CRLF, lone CR and mixed line endings: ranges on the right lines', async () => {
      const text = '# 关于工作的通知\r\n\r\n要布署工作。\r\n\r\n再接再励。\r\r要布署。\n\n又布署。';
      for (const languageId of ['markdown', 'plaintext']) {
        const diags = await openAndWait(s, freshUri(languageId === 'markdown' ? 'a.md' : 'a.txt'), text, languageId);
        assertRangesInside(text, diags);
        assert.ok(typoAt(diags, 2, 1), `${languageId} ${JSON.stringify(diags)}`);
        assert.ok(typoAt(diags, 6, 1), `${languageId} ${JSON.stringify(diags)}`);
        assert.ok(typoAt(diags, 8, 1), `${languageId} ${JSON.stringify(diags)}`);
        assert.ok(diags.some((d) => d.range.start.line === 4 && d.range.start.character === 0 && /再接再厉/.test(String(d.message))), JSON.stringify(diags));
      }
    });
  });

  describe('where a long document is cut (GONGWEN_MAX_CHECK_CHARS=61)', () => {
    let s: LspSession;
    before(async () => {
      s = new LspSession([], { GONGWEN_MAX_CHECK_CHARS: '61' });
      await s.initialize();
    });
    after(async () => {
      await s.shutdown();
    });
    const noticeOf = (diags: Diagnostic[]) => diags.find((d) => /只检查了前/.test(String(d.message)));

    it('at the start of a line, never between CR and LF; findings only before the cut', async () => {
      const text = '要布署工作。\r\n'.repeat(20);
      const diags = await openAndWait(s, freshUri('crlf.txt'), text, 'plaintext');
      assertRangesInside(text, diags);
      const notice = noticeOf(diags);
      assert.ok(notice, JSON.stringify(diags));
      assert.equal(notice.range.start.character, 0);
      const cutLine = notice.range.start.line;
      assert.ok(cutLine >= 4 && cutLine <= 7, `cut at line ${cutLine}`);
      const typoLines = diags.filter((d) => d.code === 'typo/dictionary').map((d) => d.range.start.line);
      assert.deepEqual(typoLines, [...Array(cutLine).keys()]);
    });

    it('in one long line: never inside a surrogate pair', async () => {
      const text = '布署' + '𠀀'.repeat(100) + '\n';
      const diags = await openAndWait(s, freshUri('pairs.txt'), text, 'plaintext');
      assertRangesInside(text, diags);
      const notice = noticeOf(diags);
      assert.ok(notice);
      const cut = notice.range.start.character;
      assert.ok(cut <= 61 && cut >= 55, `cut at ${cut}`);
      assert.equal(cut % 2, 0, 'the cut splits 𠀀');
      assert.ok(typoAt(diags, 0, 0));
    });
  });

  describe('configuration errors are reported, not swallowed', () => {
    let s: LspSession;
    let dir: string;
    beforeEach(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-faults-'));
      s = new LspSession();
      await s.initialize();
    });
    afterEach(async () => {
      await s.shutdown();
    });

    it('a broken .gongwenrc.json: one message naming the file and the problem; checking goes on with defaults', async () => {
      const rc = path.join(dir, '.gongwenrc.json');
      fs.writeFileSync(rc, '{ "rules": { "typo": "off" ');
      const uri = pathToFileURL(path.join(dir, '通知.md')).href;
      const diags = await openAndWait(s, uri, DRAFT);
      assert.ok(typoAt(diags, 2, 4), 'defaults apply: the typo rule runs');
      const about = s.messages.filter((m) => m.message.includes(rc));
      assert.equal(about.length, 1, JSON.stringify(s.messages));
      assert.match(about[0].message, /JSON 语法错误/);
      assert.equal(about[0].type, 2, 'a warning');
      // a second draft under the same file does not repeat the message
      await openAndWait(s, pathToFileURL(path.join(dir, '请示.md')).href, DRAFT);
      assert.equal(s.messages.filter((m) => m.message.includes(rc)).length, 1);
    });

    it('a broken user dictionary: a message naming the dictionary; the built-in dictionary still works', async () => {
      const dict = path.join(dir, '本单位词典.json');
      fs.writeFileSync(dict, '[{ "wrong": "甲乙", "right": ');
      fs.writeFileSync(path.join(dir, '.gongwenrc.json'), JSON.stringify({ dictionaries: ['本单位词典.json'] }));
      const uri = pathToFileURL(path.join(dir, '通知.md')).href;
      const diags = await openAndWait(s, uri, DRAFT);
      assert.ok(typoAt(diags, 2, 4), JSON.stringify(diags));
      const about = s.messages.filter((m) => m.message.includes(dict));
      assert.equal(about.length, 1, JSON.stringify(s.messages));
      assert.match(about[0].message, /JSON/);
    });

    it('an invalid entry in a user dictionary is named; the valid entries still apply', async () => {
      const dict = path.join(dir, 'dict.json');
      fs.writeFileSync(
        dict,
        JSON.stringify([
          { wrong: '安全生产工做', right: '安全生产工作', level: 'error' },
          { wrong: '', right: 'x', level: 'error' },
        ]),
      );
      fs.writeFileSync(path.join(dir, '.gongwenrc.json'), JSON.stringify({ dictionaries: ['dict.json'] }));
      const text = '# 关于做好安全生产工做的通知\n';
      const diags = await openAndWait(s, pathToFileURL(path.join(dir, 'a.md')).href, text);
      assert.ok(diags.some((d) => /安全生产工作/.test(String(d.message))), JSON.stringify(diags));
      const about = s.messages.filter((m) => m.message.includes(dict));
      assert.equal(about.length, 1, JSON.stringify(s.messages));
      assert.match(about[0].message, /第 2 条/);
    });
  });

  describe('a rule that throws', () => {
    let s: LspSession;
    const logs: string[] = [];
    before(async () => {
      // hidden test hook: the server wraps this rule to throw
      s = new LspSession([], { GONGWEN_TEST_FAULT: 'punctuation/fullwidth' });
      s.conn.onNotification('window/logMessage', (m: { message: string }) => void logs.push(m.message));
      await s.initialize();
    });
    after(async () => {
      await s.shutdown();
    });

    it('is reported once, and the other rules still report their findings', async () => {
      const text = '# 关于工作的通知\n\n为进一步布署工作,现通知如下。\n';
      const uri = freshUri();
      let diags = await openAndWait(s, uri, text);
      assert.ok(typoAt(diags, 2, 4), JSON.stringify(diags));
      assert.ok(!diags.some((d) => d.code === 'punctuation/fullwidth'));
      // edit twice more: still one message
      for (const v of [2, 3]) {
        const p = s.waitForDiagnostics(uri, (x) => x.version === v);
        await s.change(uri, v, [{ text: text + '再接再励。\n'.repeat(v) }]);
        diags = (await p).diagnostics;
        assert.ok(diags.some((d) => /再接再厉/.test(String(d.message))));
      }
      const about = s.messages.filter((m) => m.message.includes('punctuation/fullwidth'));
      assert.equal(about.length, 1, JSON.stringify(s.messages));
      assert.match(about[0].message, /出错，已跳过/);
      // logged with its stack every time it fails
      assert.ok(logs.filter((l) => /GONGWEN_TEST_FAULT: punctuation\/fullwidth/.test(l) && /\n\s+at /.test(l)).length >= 3, logs.join('\n---\n'));
      assert.equal(s.proc.exitCode, null);
    });
  });

  describe('restricted mode (untrusted workspace)', () => {
    let dir: string;
    let dict: string;
    const TEXT = '# 关于做好安全生产工做的通知\n\n要布署工作。\n';
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-trust-'));
      dict = path.join(dir, 'dict.json');
      fs.writeFileSync(dict, JSON.stringify([{ wrong: '安全生产工做', right: '安全生产工作', level: 'error' }]));
      fs.writeFileSync(path.join(dir, '.gongwenrc.json'), JSON.stringify({ dictionaries: ['dict.json'], rules: { 'typo/dictionary': 'info' } }));
    });
    const custom = (diags: Diagnostic[]) => diags.some((d) => /安全生产工作/.test(String(d.message)));
    const builtin = (diags: Diagnostic[]) => diags.find((d) => d.code === 'typo/dictionary' && /部署/.test(String(d.message)));

    it('trusted: the project .gongwenrc.json and its dictionary apply', async () => {
      const s = new LspSession();
      try {
        await s.initialize({ workspaceTrusted: true });
        const diags = await openAndWait(s, pathToFileURL(path.join(dir, 'a.md')).href, TEXT);
        assert.ok(custom(diags), JSON.stringify(diags));
        assert.equal(builtin(diags)?.severity, 3, 'the project file made typo/dictionary info');
      } finally {
        await s.shutdown();
      }
    });

    it('untrusted: the project .gongwenrc.json and every extra dictionary wait for trust; granting trust applies them', async () => {
      const s = new LspSession();
      try {
        s.settings = { dictionaries: [dict] };
        await s.initialize({ workspaceTrusted: false });
        const uri = pathToFileURL(path.join(dir, 'a.md')).href;
        const diags = await openAndWait(s, uri, TEXT);
        assert.ok(!custom(diags), 'neither the project nor the settings dictionary is read');
        assert.equal(builtin(diags)?.severity, 1, 'the project file is ignored: built-in severity');
        const trusted = s.waitForDiagnostics(uri, (p) => custom(p.diagnostics));
        await s.conn.sendNotification('gongwen/workspaceTrusted', true);
        const after = (await trusted).diagnostics;
        assert.equal(builtin(after)?.severity, 3);
      } finally {
        await s.shutdown();
      }
    });
  });

  describe('no network access', () => {
    it('the server opens no internet socket while it checks, hovers and fixes (strace, else /proc)', async function () {
      const haveStrace = spawnSync('strace', ['-V']).status === 0;
      const trace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-net-')), 'trace');
      const cmd = haveStrace ? 'strace' : process.execPath;
      const args = haveStrace ? ['-f', '-qq', '-e', 'trace=network', '-o', trace, process.execPath, SERVER, '--stdio'] : [SERVER, '--stdio'];
      const proc = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
      const published: any[] = [];
      let resolvePub: () => void = () => undefined;
      const gotPub = new Promise<void>((r) => (resolvePub = r));
      conn.onNotification('textDocument/publishDiagnostics', (p) => {
        published.push(p);
        if (p.diagnostics.length) resolvePub();
      });
      conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
      conn.onNotification('window/logMessage', () => undefined);
      conn.onNotification('window/showMessage', () => undefined);
      conn.listen();
      const inetInodes = () => {
        const out = new Set<string>();
        for (const f of ['tcp', 'tcp6', 'udp', 'udp6', 'raw', 'raw6'])
          try {
            for (const line of fs.readFileSync(`/proc/net/${f}`, 'utf8').split('\n').slice(1)) {
              const cols = line.trim().split(/\s+/);
              if (cols[9]) out.add(cols[9]);
            }
          } catch {
            /* not Linux */
          }
        return out;
      };
      const socketsOf = (pid: number) => {
        const out: string[] = [];
        try {
          for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
            const link = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
            const m = /^socket:\[(\d+)\]$/.exec(link);
            if (m) out.push(m[1]);
          }
        } catch {
          /* gone */
        }
        return out;
      };
      try {
        await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
        await conn.sendNotification('initialized', {});
        const uri = freshUri();
        await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
        await gotPub;
        await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } });
        await conn.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll.gongwen'] },
        });
        await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        // /proc: no socket of the server (or its children) is an internet socket
        const inet = inetInodes();
        const pids = [proc.pid!];
        try {
          for (const t of fs.readdirSync(`/proc/${proc.pid}/task`))
            for (const c of fs.readFileSync(`/proc/${proc.pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) pids.push(Number(c));
        } catch {
          /* no /proc */
        }
        for (const pid of pids) for (const inode of socketsOf(pid)) assert.ok(!inet.has(inode), `process ${pid} holds an internet socket (inode ${inode})`);
        assert.ok(published.length > 0);
      } finally {
        try {
          await conn.sendRequest('shutdown');
          await conn.sendNotification('exit');
        } catch {
          /* gone */
        }
        await new Promise<void>((r) => {
          if (proc.exitCode !== null) return r();
          const t = setTimeout(() => {
            proc.kill();
            r();
          }, 5000);
          proc.on('exit', () => {
            clearTimeout(t);
            r();
          });
        });
        conn.dispose();
      }
      if (haveStrace) {
        const log = fs.readFileSync(trace, 'utf8');
        const calls = log.split('\n').filter((l) => /\b(socket|connect|bind|sendto|sendmsg)\(/.test(l));
        const inetCalls = calls.filter((l) => /AF_INET|AF_INET6|AF_PACKET|AF_NETLINK/.test(l));
        assert.deepEqual(inetCalls, [], 'network system calls by the server');
      }
    });
  });
});
