import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExport } from '../../../server/src/export/cli-export';

describe('export: CLI runExport', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-export-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (paths: string[], output?: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runExport({ paths, output }, (s) => out.push(s), (s) => err.push(s));
    return { code, out, err };
  };

  it('exports beside the draft and reports the path', async () => {
    const md = path.join(dir, '通知.md');
    fs.writeFileSync(md, '# 关于测试的通知\n\n各单位：\n\n现将有关事项通知如下。\n');
    const r = await run([md]);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.ok(fs.existsSync(path.join(dir, '通知.docx')));
    assert.match(r.out[0], /已导出：.*通知\.docx$/);
  });

  it('a draft with errors still exports, after a warning listing them', async () => {
    const md = path.join(dir, 'a.md');
    fs.writeFileSync(md, '# 关于测试的通知\n\n各单位:\n\n现将有关事项通知如下。\n\n临江市人民政府\n\n二〇二四年一月五日\n');
    const r = await run([md], path.join(dir, 'b.docx'));
    assert.equal(r.code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'b.docx')));
    assert.match(r.err[0], /警告：.*个错误，仍按原文导出/);
    assert.ok(r.err.length >= 2);
  });

  it('bad usage and unreadable input exit 2 with a message', async () => {
    assert.equal((await run([])).code, 2);
    const missing = await run([path.join(dir, 'nope.md')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err[0], /文件不存在/);
    const md = path.join(dir, 'a.md');
    fs.writeFileSync(md, '# 关于测试的通知\n');
    const badOut = await run([md], path.join(dir, 'no-such-dir', 'a.docx'));
    assert.equal(badOut.code, 2);
    assert.match(badOut.err[badOut.err.length - 1], /导出失败：目标目录不存在/);
  });
});
