// The CLI on hostile input, broken configuration and failing writes: the
// real bundled command, as a user runs it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixAll } from '../../server/src/engine/index';
import type { DocFormat } from '../../server/src/engine/types';

const BIN = path.resolve(__dirname, '../../bin/gongwen.js');
const ROOT = path.resolve(__dirname, '../..');
const GOV_DOCS = path.resolve(ROOT, '../shared/corpora/gov-docs');

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-hostile-'));
}

/** A preload that makes every rename into `GONGWEN_FAIL_RENAME_UNDER` fail, as a full or read-only disk would. */
const FAIL_RENAME = path.join(tmpDir(), 'fail-rename.js');
fs.writeFileSync(
  FAIL_RENAME,
  `const fs = require('node:fs');
const orig = fs.renameSync;
fs.renameSync = function (from, to) {
  const under = process.env.GONGWEN_FAIL_RENAME_UNDER;
  if (under && require('node:path').resolve(String(to)).startsWith(under)) {
    const e = new Error("EACCES: permission denied, rename '" + from + "' -> '" + to + "'");
    e.code = 'EACCES';
    e.syscall = 'rename';
    throw e;
  }
  return orig.apply(this, arguments);
};
`,
);

function run(args: string[], opts: { failRenameUnder?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const pre = opts.failRenameUnder ? ['--require', FAIL_RENAME] : [];
  const env = { ...process.env, GONGWEN_FAIL_RENAME_UNDER: opts.failRenameUnder ?? '', ...opts.env };
  const r = spawnSync(process.execPath, [...pre, BIN, ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line expected: ${stderr}`);
  return lines[0];
}

describe('gongwen CLI: hostile input and failures', function () {
  this.timeout(120000);

  describe('configuration errors: exit 2, one line naming the file', () => {
    it('a dictionary that is not valid JSON', () => {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, 'words.json'), '[{ "wrong": "甲乙", ');
      fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '{ "dictionaries": ["words.json"] }');
      fs.writeFileSync(path.join(dir, 'a.md'), '正文。\n');
      for (const cmd of ['check', 'fix']) {
        const r = run([cmd, path.join(dir, 'a.md')]);
        assert.equal(r.code, 2, r.stderr);
        const line = oneLine(r.stderr);
        assert.ok(line.includes(path.join(dir, 'words.json')), line);
        assert.match(line, /JSON/);
      }
      assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), '正文。\n');
    });

    it('a dictionary with an invalid entry, and one that does not exist', () => {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, 'words.json'), JSON.stringify([{ wrong: '甲乙', right: '甲乙', level: 'error' }]));
      fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '{ "dictionaries": ["words.json"] }');
      fs.writeFileSync(path.join(dir, 'a.md'), '正文。\n');
      let r = run(['check', path.join(dir, 'a.md')]);
      assert.equal(r.code, 2);
      assert.match(oneLine(r.stderr), /words\.json.*第 1 条/);
      fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '{ "dictionaries": ["missing.json"] }');
      r = run(['check', path.join(dir, 'a.md')]);
      assert.equal(r.code, 2);
      assert.match(oneLine(r.stderr), /missing\.json/);
    });

    it('a config file of the wrong shape', () => {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '["rules"]');
      fs.writeFileSync(path.join(dir, 'a.md'), '正文。\n');
      const r = run(['check', path.join(dir, 'a.md')]);
      assert.equal(r.code, 2);
      assert.match(oneLine(r.stderr), /\.gongwenrc\.json.*JSON 对象/);
    });
  });

  describe('hostile drafts: a clear answer, nothing written', () => {
    it('empty, whitespace-only, CRLF, lone surrogates, deep nesting and broken front matter', () => {
      const dir = tmpDir();
      const files: Record<string, string> = {
        'empty.md': '',
        'blank.txt': ' \n\t\r\n\u3000\n',
        'crlf.md': '# 关于工作的通知\r\n\r\n要布署工作。\r再接再励。\n',
        'surrogates.txt': '关于\uD800布署\uDC00的通知\n',
        'nested.md': '>'.repeat(10000) + ' 要布署工作。\n',
        'frontmatter.md': '---\ntitle: [\n---\n\n要布署工作。\n',
      };
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      const before = fs.readdirSync(dir).sort();
      const r = run(['check', '--format', 'json', dir]);
      assert.equal(r.code, 1, r.stderr);
      const json: Array<{ file: string; diagnostics: any[] }> = JSON.parse(r.stdout);
      const of = (name: string) => json.find((x) => path.basename(x.file) === name)!.diagnostics;
      assert.deepEqual(of('empty.md'), []);
      assert.deepEqual(of('blank.txt'), []);
      const crlf = of('crlf.md').filter((d) => d.code === 'typo/dictionary').map((d) => d.range.start);
      assert.deepEqual(crlf, [
        { line: 2, character: 1 },
        { line: 3, character: 0 },
      ]);
      assert.ok(of('surrogates.txt').some((d) => d.code === 'typo/dictionary' && d.range.start.character === 3));
      assert.ok(of('nested.md').some((d) => d.code === 'typo/dictionary'));
      assert.match(r.stderr, /nested\.md：Markdown 嵌套层次过深，无法解析，已按纯文本检查/);
      assert.match(r.stderr, /frontmatter\.md：前置元数据/);
      assert.deepEqual(fs.readdirSync(dir).sort(), before, 'check writes nothing');
    });

    it('a report of 150,000 findings is printed whole (no argument-list overflow)', () => {
      const dir = tmpDir();
      const f = path.join(dir, 'many.txt');
      fs.writeFileSync(f, '要布署。\n'.repeat(150000));
      const r = run(['check', f]);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /发现 150000 个问题/);
      assert.equal(r.stdout.split('\n').filter((l) => l.includes('[typo/dictionary]')).length, 150000);
    });

    it('a NUL byte anywhere makes a file binary: exit 2 with a message naming it', () => {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, 'a.md'), '要布署工作。\n');
      fs.writeFileSync(path.join(dir, 'b.md'), Buffer.concat([Buffer.from('要布署工作。'.repeat(1000)), Buffer.from([0])]));
      const r = run(['fix', dir]);
      assert.equal(r.code, 2);
      assert.match(r.stderr.trim().split('\n').pop()!, /b\.md.*二进制/);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'b.md']);
    });
  });

  describe('broken detector data: the detector is skipped with one clear line, every other rule still runs', () => {
    const broken: Array<[string, string, string, RegExp]> = [
      ['a corrupt context model', 'context.bin.gz', 'not a model', /context\.bin\.gz could not be loaded/],
      ['a corrupt 公文 character model', 'gongwen-lm.bin', 'GWCL not a model', /gongwen-lm\.bin: not a Gongwen character model/],
      ['a malformed learned-pairs file', 'learned-pairs.txt', '局\t据\t3\n局据\n', /learned-pairs\.txt: line 2: expected/],
    ];
    for (const [what, file, content, message] of broken) {
      it(what, () => {
        const data = tmpDir();
        const src = path.join(ROOT, 'server/data/lexicon');
        for (const f of fs.readdirSync(src)) fs.copyFileSync(path.join(src, f), path.join(data, f));
        fs.writeFileSync(path.join(data, file), content);
        const dir = tmpDir();
        // A confusable slip (only the detector sees it) and a punctuation error.
        fs.writeFileSync(path.join(dir, 'a.txt'), '发展大数局产业,推动经济发展。\n');
        const r = run(['check', '--format', 'json', path.join(dir, 'a.txt')], { env: { GONGWEN_LEXICON_DIR: data } });
        assert.equal(r.code, 1, r.stderr);
        const line = oneLine(r.stderr);
        assert.match(line, /typo\/confusable/);
        assert.match(line, message);
        const rules = (JSON.parse(r.stdout) as Array<{ diagnostics: Array<{ code: string }> }>).flatMap((f) => f.diagnostics.map((d) => d.code));
        assert.ok(rules.includes('punctuation/fullwidth'), rules.join(', '));
        assert.ok(!rules.includes('typo/confusable'));
      });
    }

    it('with the intact data the same draft gets the detector\'s finding', () => {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, 'a.txt'), '发展大数局产业,推动经济发展。\n');
      const ok = run(['check', '--format', 'json', path.join(dir, 'a.txt')]);
      assert.ok(ok.stdout.includes('typo/confusable'), ok.stdout);
    });
  });

  describe('writes: only fix, new and export write, atomically', () => {
    it('fix: when the rename fails the original is intact, no temporary file is left, exit 2 naming the file', () => {
      const dir = tmpDir();
      const f = path.join(dir, '通知.md');
      const original = '# 关于工作的通知\n\n要布署工作，再接再励。\n';
      fs.writeFileSync(f, original);
      const r = run(['fix', f], { failRenameUnder: dir });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      const line = oneLine(r.stderr);
      assert.ok(line.includes(f), line);
      assert.match(line, /无法写入.*没有写入权限.*原文件未改动/);
      assert.equal(fs.readFileSync(f, 'utf8'), original);
      assert.deepEqual(fs.readdirSync(dir), ['通知.md'], 'no temporary file left behind');
      // the same command without the fault fixes the file and leaves nothing else
      assert.equal(run(['fix', f]).code, 0);
      assert.equal(fs.readFileSync(f, 'utf8'), '# 关于工作的通知\n\n要部署工作，再接再厉。\n');
      assert.deepEqual(fs.readdirSync(dir), ['通知.md']);
    });

    it('fix keeps the file mode', () => {
      const dir = tmpDir();
      const f = path.join(dir, 'a.md');
      fs.writeFileSync(f, '要布署工作。\n');
      fs.chmodSync(f, 0o640);
      run(['fix', f]);
      assert.equal(fs.readFileSync(f, 'utf8'), '要部署工作。\n');
      assert.equal(fs.statSync(f).mode & 0o777, 0o640);
    });

    it('new -o: when the rename fails no file is created and no temporary file is left', () => {
      const dir = tmpDir();
      const out = path.join(dir, '通知.md');
      const r = run(['new', '通知', '-o', out], { failRenameUnder: dir });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.ok(oneLine(r.stderr).includes(out));
      assert.deepEqual(fs.readdirSync(dir), []);
      assert.equal(run(['new', '通知', '-o', out]).code, 0);
      assert.deepEqual(fs.readdirSync(dir), ['通知.md']);
    });

    it('export: when the rename fails the existing .docx is intact and no temporary file is left', () => {
      const dir = tmpDir();
      const src = path.join(dir, '通知.md');
      const out = path.join(dir, '通知.docx');
      fs.writeFileSync(src, '# 关于做好安全生产工作的通知\n\n各单位：\n\n现将有关事项通知如下。\n');
      fs.writeFileSync(out, 'the previous export');
      const r = run(['export', src, '-o', out], { failRenameUnder: dir });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /导出失败/);
      assert.equal(fs.readFileSync(out, 'utf8'), 'the previous export');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['通知.docx', '通知.md']);
      assert.equal(run(['export', src, '-o', out]).code, 0);
      assert.equal(fs.readFileSync(out).subarray(0, 2).toString(), 'PK', 'a .docx (zip) replaced the old file');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['通知.docx', '通知.md']);
    });

    it('check and rules write nothing anywhere in the working directory', () => {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, 'a.md'), '要布署工作。\n');
      run(['check', 'a.md'], { cwd: dir });
      run(['check', '--format', 'json', '.'], { cwd: dir });
      run(['rules'], { cwd: dir });
      assert.deepEqual(fs.readdirSync(dir), ['a.md']);
      assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), '要布署工作。\n');
    });
  });

  describe('fix over mutated published documents', () => {
    const MISTAKES = ['布署', '再接再励', ',', ':', '(一)、', '1、', '[2024]', '...', '。。', '２０２４', '截止目前', '"通知"', '(此件公开发布)', '\r\n', '\n\n', '# '];
    function mutate(text: string, seed: number, count: number): string {
      let s = seed >>> 0;
      const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
      let out = text;
      for (let i = 0; i < count; i++) {
        let at = Math.floor(rand() * (out.length + 1));
        const c = out.charCodeAt(at);
        if (at > 0 && c >= 0xdc00 && c <= 0xdfff) at--;
        out = out.slice(0, at) + MISTAKES[Math.floor(rand() * MISTAKES.length)] + out.slice(at);
      }
      return out;
    }

    it('the CLI writes exactly what fix-all computes; no line is lost; a second fix changes nothing', () => {
      const names = fs.readdirSync(GOV_DOCS).filter((f) => f.endsWith('.txt')).sort();
      assert.ok(names.length > 100, `gov-docs corpus not found at ${GOV_DOCS}`);
      const dir = tmpDir();
      const expected = new Map<string, string>();
      names
        .filter((_, i) => i % 60 === 7)
        .forEach((name, i) => {
          const text = mutate(fs.readFileSync(path.join(GOV_DOCS, name), 'utf8').slice(0, 4000), 1000 + i, 20);
          const file = path.join(dir, `${i}.${i % 2 ? 'md' : 'txt'}`);
          fs.writeFileSync(file, text);
          const format: DocFormat = i % 2 ? 'markdown' : 'plaintext';
          const out = fixAll(text, { format }).output;
          assert.ok(out.split(/\r\n|\r|\n/).length >= text.split(/\r\n|\r|\n/).length, `fix-all removed a line of ${name}`);
          expected.set(file, out);
        });
      const r = run(['fix', dir]);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      assert.match(r.stdout, /已修复/);
      for (const [file, out] of expected) assert.equal(fs.readFileSync(file, 'utf8'), out, file);
      assert.deepEqual(fs.readdirSync(dir).sort(), [...expected.keys()].map((f) => path.basename(f)).sort(), 'no temporary files');
      const again = run(['fix', dir]);
      assert.doesNotMatch(again.stdout, /已修复/);
      for (const [file, out] of expected) assert.equal(fs.readFileSync(file, 'utf8'), out);
    });
  });
});
