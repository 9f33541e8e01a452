// CLI tests: the real bundled command, as a user runs it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const BIN = path.resolve(__dirname, '../../bin/gongwen.js');
const ROOT = path.resolve(__dirname, '../..');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-'));
}

describe('gongwen CLI', function () {
  this.timeout(20000);

  it('check prints findings like a compiler and a summary; exit 1 on errors', () => {
    const dir = tmpDir();
    const f = path.join(dir, '通知.md');
    fs.writeFileSync(f, '# 关于工作的通知\n\n要布署工作。\n');
    const r = run(['check', f]);
    assert.equal(r.code, 1, r.stderr);
    const line = r.stdout.split('\n').find((l) => l.includes('typo/dictionary'));
    assert.ok(line, r.stdout);
    assert.match(line, new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:2  error  .*部署.*  \\[typo/dictionary\\]$`));
    assert.match(r.stdout, /检查了 1 个文件，发现 \d+ 个问题/);
  });

  it('check --format json prints the contract', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.md');
    fs.writeFileSync(f, '要布署工作。\n');
    const r = run(['check', '--format', 'json', f]);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout);
    assert.equal(json.length, 1);
    assert.equal(json[0].file, f);
    const d = json[0].diagnostics.find((x: any) => x.code === 'typo/dictionary');
    assert.deepEqual(d.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } });
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'gongwen');
    assert.equal(d.fixes[0].edits[0].newText, '部署');
    assert.deepEqual(d.fixes[0].edits[0].range, d.range);
  });

  it('exit 0 on a clean file, directories recurse over .md and .txt', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'a.txt'), '各单位要认真落实。\n');
    fs.writeFileSync(path.join(dir, 'b.md'), '正文内容。\n');
    fs.writeFileSync(path.join(dir, 'c.doc'), 'binary?'); // an old .doc is not walked into (a .docx is: test/cli/docx.test.ts)
    const r = run(['check', '--format', 'json', dir]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const files = JSON.parse(r.stdout).map((x: any) => path.relative(dir, x.file));
    assert.deepEqual(files, ['b.md', path.join('sub', 'a.txt')]);
  });

  it('a missing file exits 2 with a one-line message', () => {
    const r = run(['check', '/nonexistent/草稿.md']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /草稿\.md/);
  });

  it('bad usage exits 2', () => {
    assert.equal(run(['check']).code, 2);
    assert.equal(run(['check', '--format', 'xml', 'a.md']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['check', '--only', 'nonsense', 'a.md']).code, 2);
  });

  it('binary and non-UTF-8 input exit 2 with a clear message', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
    let r = run(['check', path.join(dir, 'bin.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /二进制/);
    fs.writeFileSync(path.join(dir, 'gbk.txt'), Buffer.from([0xb9, 0xd8, 0xd3, 0xda]));
    r = run(['check', path.join(dir, 'gbk.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /UTF-8/);
  });

  it('--only restricts categories; .gongwenrc.json is found by walking up; --config names one', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'docs'));
    const f = path.join(dir, 'docs', 'a.md');
    fs.writeFileSync(f, '要布署工作。\n');
    assert.equal(run(['check', '--only', 'punctuation', f]).code, 0);
    fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '{ "rules": { "typo/dictionary": "warning" } }');
    let r = run(['check', '--format', 'json', f]);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout)[0].diagnostics.find((d: any) => d.code === 'typo/dictionary').severity, 2);
    const other = path.join(dir, 'other.json');
    fs.writeFileSync(other, '{ "acceptedWords": ["布署"] }');
    r = run(['check', '--format', 'json', '--config', other, f]);
    assert.ok(!JSON.parse(r.stdout)[0].diagnostics.some((d: any) => d.code === 'typo/dictionary'));
  });

  it('a broken config file exits 2 with a one-line message naming the file', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '{ "rules": ');
    fs.writeFileSync(path.join(dir, 'a.md'), '正文。\n');
    const r = run(['check', path.join(dir, 'a.md')]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /\.gongwenrc\.json/);
  });

  it('fix applies safe fixes in place; a second fix changes nothing', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.md');
    fs.writeFileSync(f, '# 关于工作的通知\n\n要布署工作，再接再励。\n');
    const r = run(['fix', f]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const once = fs.readFileSync(f, 'utf8');
    assert.equal(once, '# 关于工作的通知\n\n要部署工作，再接再厉。\n');
    run(['fix', f]);
    assert.equal(fs.readFileSync(f, 'utf8'), once);
    assert.deepEqual(fs.readdirSync(dir), ['a.md'], 'no temporary file left behind');
  });

  it('check writes nothing', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.md');
    fs.writeFileSync(f, '要布署工作。\n');
    run(['check', f]);
    assert.deepEqual(fs.readdirSync(dir), ['a.md']);
    assert.equal(fs.readFileSync(f, 'utf8'), '要布署工作。\n');
  });

  it('checks the bundled samples', () => {
    const r = run(['check', 'samples/']);
    assert.ok(r.code === 1, r.stderr);
    assert.match(r.stdout, /\[typo\/dictionary\]/);
  });
});
