import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const lines: string[] = [];
  let err = '';
  const write = process.stderr.write.bind(process.stderr);
  (process.stderr as any).write = (s: string) => {
    err += s;
    return true;
  };
  try {
    const code = await main(argv, (s) => lines.push(s));
    return { code, out: lines.join('\n'), err };
  } finally {
    (process.stderr as any).write = write;
  }
}

describe('gongwen new', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-new-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints a new document of the type with placeholders', async () => {
    const r = await run(['new', '请示']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^# 关于××××的请示$/m);
    assert.match(r.out, /签发人：×××/);
    assert.match(r.out, /妥否，请批示。/);
    assert.ok(!r.out.includes('{{'));
  });

  it('writes FILE with -o and refuses to overwrite it', async () => {
    const file = path.join(dir, '函.md');
    let r = await run(['new', '函', '-o', file]);
    assert.equal(r.code, 0);
    assert.match(fs.readFileSync(file, 'utf8'), /^# 关于××××的函$/m);
    r = await run(['new', '函', '-o', file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /已存在/);
  });

  it('exits 2 with the list of types on an unknown or missing type', async () => {
    let r = await run(['new', '命令']);
    assert.equal(r.code, 2);
    assert.match(r.err, /没有“命令”的模板，可用：通知、请示、报告、商洽函、复函/);
    r = await run(['new']);
    assert.equal(r.code, 2);
    assert.match(r.err, /纪要\t记载会议主要情况和议定事项/);
  });

  it('the generated document checks with warnings only', async () => {
    const file = path.join(dir, '通知.md');
    await run(['new', '通知', '-o', file]);
    const r = await run(['check', '--format', 'json', file]);
    assert.equal(r.code, 0, 'no error: exit 0');
    const diags = JSON.parse(r.out)[0].diagnostics as Array<{ severity: number; code: string }>;
    assert.ok(diags.length > 0);
    assert.ok(diags.every((d) => d.severity >= 2));
    assert.ok(diags.some((d) => d.code === 'structure/placeholder'));
  });
});
