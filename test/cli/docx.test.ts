// CLI tests of the Word commands: `check FILE.docx`, `review`, `import`,
// `fix FILE.docx` refused, bad inputs. The real bundled command, as a user
// runs it (npm run build first).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { readDocx } from '../../server/src/docx/read';
import { applyEdits, safeFixEdits, check } from '../../server/src/engine/index';
import { DOCX_LIMITS } from '../../server/src/docx/types';
import { buildDocx, oleFile, p, r, wrapDocument, wrapNumbering, gongwenAbstract, np } from '../helpers/docx';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/gongwen.js');
const SAMPLE_DOCX = path.join(ROOT, 'samples/请示-有错误.docx');
const SAMPLE_MD = path.join(ROOT, 'samples/请示-有错误.md');

function run(args: string[], opts: { cwd?: string; nodeArgs?: string[] } = {}) {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-docx-'));
}

/** rule id → count, for comparing two reports. */
function tally(diagnostics: Array<{ code: string }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of diagnostics) out[d.code] = (out[d.code] ?? 0) + 1;
  return out;
}

function jsonCheck(file: string) {
  const r = run(['check', '--format', 'json', file]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout)[0].diagnostics as Array<{ code: string; range: any; message: string; fixes: any[] }>;
}

async function entry(file: string, name: string): Promise<string | undefined> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file(name)?.async('string');
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/** A small 通知 with slips, as a .docx built by hand (numbered headings, a table). */
async function smallDocx(): Promise<Uint8Array> {
  return buildDocx({
    body:
      p(r('关于做好安全生产工作的通知'), '<w:jc w:val="center"/>') +
      p(r('各区县人民政府') + r(',市政府各部门:')) +
      p(r('为进一步布') + r('署安全生产工作，现将有关事项通知如下。')) +
      np('总体要求', 1) +
      p(r('各单位要再接再励，切实把责任落实到位。')) +
      '<w:tbl><w:tr><w:tc>' + p(r('序号')) + '</w:tc><w:tc>' + p(r('任务')) + '</w:tc></w:tr>' +
      '<w:tr><w:tc>' + p(r('1')) + '</w:tc><w:tc>' + p(r('排查隐患')) + '</w:tc></w:tr></w:tbl>' +
      p(r('特此通知。')),
    numbering: wrapNumbering(gongwenAbstract(0) + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'),
  });
}

describe('gongwen CLI: Word documents', function () {
  this.timeout(60000);

  describe('check FILE.docx', () => {
    it('reports like any other file: line = paragraph, column in it, and the paragraph excerpt; exit 1 on errors', () => {
      const r = run(['check', 'samples/请示-有错误.docx']);
      assert.equal(r.code, 1, r.stderr);
      const lines = r.stdout.split('\n');
      const at = lines.findIndex((l) => l.includes('[typo/dictionary]') && l.includes('布署'));
      assert.ok(at >= 0, r.stdout);
      // paragraph 3 is the title; 布署 starts at its column 5
      assert.match(lines[at], /^samples\/请示-有错误\.docx:3:5  error  .*部署.*  \[typo\/dictionary\]$/);
      assert.equal(lines[at + 1], '    关于加快布署大数据产业发展工作的请示');
      assert.match(r.stdout, /检查了 1 个文件，发现 \d+ 个问题/);
    });

    it('--format json: line = paragraph index (0-based), character = UTF-16 offset in its text', async () => {
      const diagnostics = jsonCheck(SAMPLE_DOCX);
      const draft = await readDocx(fs.readFileSync(SAMPLE_DOCX));
      for (const d of diagnostics) {
        assert.equal(d.range.start.line, d.range.end.line);
        const text = draft.paragraphs[d.range.start.line].text;
        assert.ok(d.range.end.character <= text.length);
      }
      const typo = diagnostics.find((d) => d.code === 'typo/dictionary' && d.message.includes('布署'))!;
      assert.equal(draft.paragraphs[typo.range.start.line].text.slice(typo.range.start.character, typo.range.end.character), '布署');
      assert.equal(typo.fixes[0].edits[0].newText, '部署');
    });

    it('the bundled sample: the same findings (rule ids and count) as the same draft in Markdown, and as its import', () => {
      const docx = tally(jsonCheck(SAMPLE_DOCX));
      assert.deepEqual(docx, tally(jsonCheck(SAMPLE_MD)));
      for (const rule of ['typo/dictionary', 'typo/confusable', 'punctuation/fullwidth', 'structure/doc-number', 'structure/recipient-colon', 'number/arabic-qian-bai', 'structure/date-format']) {
        assert.ok(docx[rule], `${rule} expected in ${JSON.stringify(docx)}`);
      }
      const dir = tmpDir();
      const md = path.join(dir, 'imported.md');
      const i = run(['import', SAMPLE_DOCX, '-o', md]);
      assert.equal(i.code, 0, i.stderr);
      assert.deepEqual(tally(jsonCheck(md)), docx);
    });

    it('the project\'s own export as input: export → check finds what the Markdown has, less what the export lays out anew', () => {
      const dir = tmpDir();
      const out = path.join(dir, '导出.docx');
      const md = path.join(ROOT, 'samples/通知-有错误.md');
      const e = run(['export', md, '-o', out]);
      assert.equal(e.code, 0, e.stderr);
      const fromMd = jsonCheck(md).map((d) => `${d.code} ${d.message}`);
      const fromDocx = jsonCheck(out).map((d) => `${d.code} ${d.message}`);
      // Every finding on the exported file is one of the draft's ...
      const left = [...fromMd];
      for (const f of fromDocx) {
        const k = left.indexOf(f);
        assert.ok(k >= 0, `not in the Markdown's findings: ${f}`);
        left.splice(k, 1);
      }
      // ... and what is missing is what the exporter writes in the standard
      // form by itself: 附件说明 with a full-width colon (GB/T 9704 §7.3.6).
      assert.deepEqual(left, ['structure/attachment-note “附件”后应使用全角冒号“：”']);
    });

    it('a hand-built .docx (split runs, automatic numbering, a table): the same findings as its import', async () => {
      const dir = tmpDir();
      const f = path.join(dir, '通知.docx');
      fs.writeFileSync(f, await smallDocx());
      const docx = jsonCheck(f);
      assert.ok(docx.some((d) => d.code === 'typo/dictionary' && d.message.includes('布署')), JSON.stringify(docx));
      const i = run(['import', f]);
      assert.equal(i.code, 0, i.stderr);
      const md = fs.readFileSync(path.join(dir, '通知.md'), 'utf8');
      assert.match(md, /^# 关于做好安全生产工作的通知\n\n/);
      assert.match(md, /\n\n一、总体要求\n\n/);
      assert.match(md, /\| 序号 \| 任务 \|\n\| --- \| --- \|\n\| 1 \| 排查隐患 \|/);
      assert.deepEqual(tally(jsonCheck(path.join(dir, '通知.md'))), tally(docx));
    });

    it('directories: .docx and .docm beside .md and .txt, Word lock files (~$…) skipped', async () => {
      const dir = tmpDir();
      const bytes = await smallDocx();
      fs.writeFileSync(path.join(dir, 'a.md'), '正文内容。\n');
      fs.writeFileSync(path.join(dir, 'b.docx'), bytes);
      fs.writeFileSync(path.join(dir, 'c.docm'), await buildDocx({ body: p(r('要布署工作。')), macroEnabled: true }));
      fs.writeFileSync(path.join(dir, '~$b.docx'), 'owner file');
      fs.writeFileSync(path.join(dir, 'd.doc'), oleFile(['WordDocument']));
      const res = run(['check', '--format', 'json', dir]);
      assert.equal(res.code, 1, res.stderr);
      const json = JSON.parse(res.stdout);
      assert.deepEqual(json.map((x: any) => path.basename(x.file)), ['a.md', 'b.docx', 'c.docm']);
      assert.ok(json[2].diagnostics.some((d: any) => d.code === 'typo/dictionary'));
    });

    it('checking .md or .txt does not load the Word code (dist/cli-extra.js); checking a .docx does', () => {
      const dir = tmpDir();
      const hook = path.join(dir, 'hook.js');
      fs.writeFileSync(
        hook,
        `const M = require('module'); const load = M._load; let seen = false;
         M._load = function (req, ...rest) { if (/cli-extra/.test(req)) seen = true; return load.call(this, req, ...rest); };
         process.on('exit', () => process.stderr.write(seen ? 'EXTRA-LOADED\\n' : 'EXTRA-NOT-LOADED\\n'));`,
      );
      fs.writeFileSync(path.join(dir, 'a.md'), '要布署工作。\n');
      fs.writeFileSync(path.join(dir, 'b.txt'), '要布署工作。\n');
      let r = run(['check', path.join(dir, 'a.md'), path.join(dir, 'b.txt')], { nodeArgs: ['-r', hook] });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /EXTRA-NOT-LOADED/);
      r = run(['check', SAMPLE_DOCX], { nodeArgs: ['-r', hook] });
      assert.equal(r.code, 1);
      assert.match(r.stderr, /EXTRA-LOADED/);
    });
  });

  describe('review FILE.docx', () => {
    it('writes FILE-审校.docx beside it: one comment per finding, the fix-all edits as tracked changes; the original untouched', async () => {
      const dir = tmpDir();
      const f = path.join(dir, '请示.docx');
      fs.copyFileSync(SAMPLE_DOCX, f);
      const before = fs.readFileSync(f);
      const findings = jsonCheck(f);
      const r = run(['review', f]);
      assert.equal(r.code, 1, r.stderr); // errors were found (the copy is written)
      const out = path.join(dir, '请示-审校.docx');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['请示-审校.docx', '请示.docx']);
      assert.ok(fs.readFileSync(f).equals(before), 'the original is never rewritten');
      const m = /：(\d+) 条批注、(\d+) 处修订 → (.+)$/.exec(r.stdout.trim());
      assert.ok(m, r.stdout);
      assert.equal(Number(m[1]), findings.length);
      assert.equal(m[3], out);

      const comments = (await entry(out, 'word/comments.xml'))!;
      assert.equal(count(comments, /<w:comment /g), findings.length);
      assert.match(comments, /w:author="公文助手"/);
      // the comment text: message, suggestion, clause
      assert.ok(comments.includes('“布署”应为“部署”'), comments);
      assert.ok(comments.includes('建议改为“部署”。依据：《通用规范汉字表》'), comments);
      const doc = (await entry(out, 'word/document.xml'))!;
      assert.equal(count(doc, /<w:commentRangeStart /g), findings.length);
      assert.equal(count(doc, /<w:ins /g), Number(m[2]));
      assert.ok(Number(m[2]) >= 6, r.stdout);

      // accepting every revision gives one fix-all pass over the draft's text
      const draft = await readDocx(before);
      const expected = applyEdits(draft.text, safeFixEdits(check(draft.text, { format: 'plaintext' }).findings)).output;
      const reviewed = await readDocx(fs.readFileSync(out));
      assert.equal(reviewed.text, expected);
    });

    it('--comments-only leaves the text unchanged; -o names the copy', async () => {
      const dir = tmpDir();
      const out = path.join(dir, '批注.docx');
      const r = run(['review', SAMPLE_DOCX, '-o', out, '--comments-only']);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /：8 条批注、0 处修订 → /);
      const doc = (await entry(out, 'word/document.xml'))!;
      assert.equal(count(doc, /<w:ins /g) + count(doc, /<w:del /g), 0);
      const original = await readDocx(fs.readFileSync(SAMPLE_DOCX));
      assert.equal((await readDocx(fs.readFileSync(out))).text, original.text);
    });

    it('never overwrites the input: -o naming the input (by any path) is refused, exit 2, nothing written', () => {
      const dir = tmpDir();
      const f = path.join(dir, 'a.docx');
      fs.copyFileSync(SAMPLE_DOCX, f);
      const before = fs.readFileSync(f);
      for (const o of [f, path.join(dir, '.', 'a.docx'), 'a.docx']) {
        const r = run(['review', f, '-o', o], { cwd: dir });
        assert.equal(r.code, 2, r.stdout + r.stderr);
        assert.equal(r.stderr.trim().split('\n').length, 1);
        assert.match(r.stderr, /原文件/);
      }
      assert.ok(fs.readFileSync(f).equals(before));
      assert.deepEqual(fs.readdirSync(dir), ['a.docx']);
    });

    it('a .docm is read, never run: its reviewed copy stays .docm', async () => {
      const dir = tmpDir();
      const f = path.join(dir, '宏.docm');
      fs.writeFileSync(f, await buildDocx({ body: p(r('要布署工作。')), macroEnabled: true }));
      const res = run(['review', f]);
      assert.equal(res.code, 1, res.stderr);
      assert.ok(fs.existsSync(path.join(dir, '宏-审校.docm')));
    });

    it('review of a Markdown file or of two files is bad usage (exit 2)', () => {
      assert.equal(run(['review', SAMPLE_MD]).code, 2);
      assert.equal(run(['review', SAMPLE_DOCX, SAMPLE_DOCX]).code, 2);
      assert.equal(run(['review']).code, 2);
      assert.equal(run(['check', '--comments-only', SAMPLE_DOCX]).code, 2);
    });
  });

  describe('fix FILE.docx and import', () => {
    it('fix FILE.docx is refused with one line pointing to review; nothing written', () => {
      const dir = tmpDir();
      const f = path.join(dir, 'a.docx');
      fs.copyFileSync(SAMPLE_DOCX, f);
      fs.writeFileSync(path.join(dir, 'b.md'), '要布署工作。\n');
      const r = run(['fix', path.join(dir, 'b.md'), f]);
      assert.equal(r.code, 2);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.match(r.stderr, /gongwen review/);
      assert.ok(fs.readFileSync(f).equals(fs.readFileSync(SAMPLE_DOCX)));
      assert.equal(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), '要布署工作。\n', 'refused before anything is written');
      // a directory: fix walks .md and .txt only, the .docx is left alone
      const d = run(['fix', dir]);
      assert.ok(d.code === 0 || d.code === 1, d.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), '要部署工作。\n');
      assert.ok(fs.readFileSync(f).equals(fs.readFileSync(SAMPLE_DOCX)));
    });

    it('import writes FILE.md beside it, never over an existing file without -o', () => {
      const dir = tmpDir();
      const f = path.join(dir, '请示.docx');
      fs.copyFileSync(SAMPLE_DOCX, f);
      let r = run(['import', f]);
      assert.equal(r.code, 0, r.stderr);
      const md = path.join(dir, '请示.md');
      const text = fs.readFileSync(md, 'utf8');
      assert.match(text, /\n\n# 关于加快布署大数据产业发展工作的请示\n\n/);
      assert.match(text, /\n\n1\.总体目标\n\n/);
      fs.writeFileSync(md, '我的修改\n');
      r = run(['import', f]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /已存在/);
      assert.equal(fs.readFileSync(md, 'utf8'), '我的修改\n');
      r = run(['import', f, '-o', md]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(fs.readFileSync(md, 'utf8'), text);
      r = run(['import', f, '-o', f]);
      assert.equal(r.code, 2);
      assert.ok(fs.readFileSync(f).equals(fs.readFileSync(SAMPLE_DOCX)));
    });
  });

  describe('atomic writes', () => {
    it('review and import: when the rename fails nothing is written, no temporary file is left, exit 2 with one line', () => {
      const dir = tmpDir();
      const hook = path.join(dir, '..', `fail-rename-${process.pid}.js`);
      fs.writeFileSync(
        hook,
        `const fs = require('node:fs'); const orig = fs.renameSync;
         fs.renameSync = function (from, to) {
           if (require('node:path').resolve(String(to)).startsWith(${JSON.stringify(dir)})) { const e = new Error('EACCES'); e.code = 'EACCES'; throw e; }
           return orig.apply(this, arguments);
         };`,
      );
      const f = path.join(dir, 'a.docx');
      fs.copyFileSync(SAMPLE_DOCX, f);
      for (const args of [['review', f], ['import', f]]) {
        const r = run(args, { nodeArgs: ['-r', hook] });
        assert.equal(r.code, 2, r.stdout + r.stderr);
        assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
        assert.match(r.stderr, /无法写入.*没有写入权限/);
        assert.deepEqual(fs.readdirSync(dir), ['a.docx']);
      }
      fs.unlinkSync(hook);
    });
  });

  describe('bad inputs: one line on stderr, exit 2, nothing written', () => {
    const cases: Array<[string, string, () => Promise<Uint8Array>, RegExp]> = [
      ['not a zip', 'a.docx', async () => new TextEncoder().encode('这不是 Word 文档'), /ZIP/],
      ['a zip without word/document.xml', 'a.docx', () => buildDocx({ body: p(r('正文。')), omit: ['word/document.xml'] }), /document\.xml/],
      ['an encrypted document (OLE with EncryptionInfo)', 'a.docx', async () => oleFile(['EncryptionInfo', 'EncryptedPackage']), /加密/],
      ['an old binary .doc', 'a.doc', async () => oleFile(['WordDocument', '1Table']), /\.doc.*另存为 \.docx/],
      ['a zip bomb (declared size over the limit)', 'a.docx', () => declaredBomb(), /压缩炸弹/],
      ['a zip bomb (too many entries)', 'a.docx', () => manyEntries(), /压缩炸弹/],
      ['malformed XML', 'a.docx', () => buildDocx({ document: wrapDocument(p(r('正文。'))).replace('</w:body>', '') }), /XML|损坏/],
    ];
    for (const [what, name, make, message] of cases) {
      it(what, async () => {
        const dir = tmpDir();
        const f = path.join(dir, name);
        fs.writeFileSync(f, await make());
        for (const args of [['check', f], ['check', '--format', 'json', f], ['review', f], ['import', f]]) {
          const r = run(args);
          assert.equal(r.code, 2, `${args[0]}: ${r.stdout}${r.stderr}`);
          assert.equal(r.stdout, '', args[0]);
          const lines = r.stderr.trim().split('\n');
          assert.equal(lines.length, 1, r.stderr);
          assert.match(lines[0], message);
          assert.ok(lines[0].includes(f), lines[0]);
          assert.deepEqual(fs.readdirSync(dir), [name], `${args[0]} wrote nothing`);
        }
      });
    }
  });
});

/** A valid package whose central directory declares one entry larger than the inflate limit. */
async function declaredBomb(): Promise<Uint8Array> {
  const bytes = Buffer.from(await buildDocx({ body: p(r('正文。')), extra: { 'word/media/big.bin': 'x'.repeat(100) } }));
  const big = DOCX_LIMITS.maxInflatedBytes + 1;
  const central = Buffer.from([0x50, 0x4b, 0x01, 0x02]); // a central directory header
  for (let at = bytes.indexOf(central); at >= 0; at = bytes.indexOf(central, at + 4)) {
    const nameLen = bytes.readUInt16LE(at + 28);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLen) === 'word/media/big.bin') bytes.writeUInt32LE(big, at + 24);
  }
  return bytes;
}

/** More zip entries than the limit allows. */
async function manyEntries(): Promise<Uint8Array> {
  const extra: Record<string, string> = {};
  for (let i = 0; i <= DOCX_LIMITS.maxEntries; i++) extra[`customXml/item${i}.xml`] = '';
  return buildDocx({ body: p(r('正文。')), extra });
}
