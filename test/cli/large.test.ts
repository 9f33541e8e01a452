// The CLI's fast paths: a large document can go through the detector's second
// thread (dist/detector-worker.js; on by default with 4+ cores, forced here
// with GONGWEN_DETECTOR_THREAD=1) and must give exactly the findings of the
// engine run in one thread; `new` and `export` live in their own bundle, so
// that `check` does not load the .docx writer.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, fixAll } from '../../server/src/engine/index';
import { resolveConfigForFile } from '../../server/src/engine/config';
import { positionAt } from '../../server/src/engine/textModel';
import { PARALLEL_MIN_CHARS } from '../../server/src/engine/detector/parallel';
import { numberedParagraphs } from '../helpers/numberedParagraphs';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/gongwen.js');
const DIST = path.join(ROOT, 'dist');

/** The environment with the detector's second thread forced on (1), off (0) or left to the CLI (undefined). */
function envWith(thread: '1' | '0' | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GONGWEN_LEXICON_DIR: path.join(ROOT, 'server/data/lexicon') };
  delete env.GONGWEN_DETECTOR_THREAD;
  if (thread) env.GONGWEN_DETECTOR_THREAD = thread;
  return env;
}

/**
 * Ordinary 公文 sentences with planted slips for the dictionary (布署) and
 * punctuation in every paragraph, and for the detector (大数局, 堂务) in the
 * first and the last paragraph only: a form the document repeats three times
 * is the writer's choice, not a slip (Report.deliberateIfRepeated). The CLI's
 * second thread takes its chunks from the end, the caller from the start, so
 * each thread has detector findings to report.
 */
function largeDocument(markdown: boolean): string {
  const base = [
    '各地区各部门要切实加强组织领导，把各项工作任务落到实处，确保取得实效。',
    '各地要加快发展数字经济，推动经济高质量发展。',
    '国务院常务会议研究部署,各处室负责同志参加会议并作交流发言。',
    '请各单位认真布署，于每月五日前将工作进展情况报送市政府办公室，联系人：王明。',
  ];
  const slips = '各地要加快发展大数局产业，国务院堂务会议研究部署。';
  const paragraphs = [slips, ...numberedParagraphs(base, PARALLEL_MIN_CHARS * 1.5), slips];
  return paragraphs.join(markdown ? '\n\n' : '\n') + '\n';
}

/** What `check --format json` prints for a file, computed in this process (one thread). */
function expectedDiagnostics(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  const format = file.endsWith('.md') ? 'markdown' : 'plaintext';
  const result = check(text, { format, config: resolveConfigForFile(file, {}) });
  const range = (s: number, e: number) => ({ start: positionAt(result.model.lineStarts, s), end: positionAt(result.model.lineStarts, e) });
  return result.findings.map((f) => ({
    range: range(f.start, f.end),
    code: f.ruleId,
    message: f.message,
    fixes: f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })) })),
  }));
}

function cliDiagnostics(stdout: string) {
  const json = JSON.parse(stdout) as Array<{ diagnostics: Array<Record<string, unknown>> }>;
  assert.equal(json.length, 1);
  return json[0].diagnostics.map((d) => ({ range: d.range, code: d.code, message: d.message, fixes: d.fixes }));
}

describe('gongwen CLI: large documents and lazy bundles', function () {
  this.timeout(120000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-large-'));
    fs.writeFileSync(path.join(dir, 'large.txt'), largeDocument(false));
    fs.writeFileSync(path.join(dir, 'large.md'), largeDocument(true));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const name of ['large.txt', 'large.md']) {
    it(`${name}: the findings with the detector's second thread equal the one-thread engine's`, () => {
      const file = path.join(dir, name);
      const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', file], { encoding: 'utf8', env: envWith('1'), maxBuffer: 256 * 1024 * 1024 });
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, '');
      const got = cliDiagnostics(r.stdout);
      const want = expectedDiagnostics(file);
      // the planted slips are all there (the test means something)
      for (const code of ['typo/dictionary', 'punctuation/fullwidth']) {
        assert.ok(got.filter((d) => d.code === code).length > 100, `${code}: ${got.filter((d) => d.code === code).length}`);
      }
      assert.equal(got.filter((d) => d.code === 'typo/confusable').length, 4);
      assert.equal(got.length, want.length);
      assert.deepEqual(got, want);
    });
  }

  it('fix on a large document writes what the one-thread fix-all computes', () => {
    const file = path.join(dir, 'fix.md');
    fs.copyFileSync(path.join(dir, 'large.md'), file);
    const want = fixAll(fs.readFileSync(file, 'utf8'), { format: 'markdown', config: resolveConfigForFile(file, {}) });
    assert.ok(want.fixed > 100, String(want.fixed));
    const r = spawnSync(process.execPath, [BIN, 'fix', file], { encoding: 'utf8', env: envWith('1') });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${file}：已修复 ${want.fixed} 处\n${file}：还有 ${want.remaining.length} 个问题需要人工处理\n`);
    assert.equal(fs.readFileSync(file, 'utf8'), want.output);
  });

  it('the CLI starts the worker only for a large document, by default only with 4+ cores', () => {
    // A copy of the bundle whose worker script leaves a mark before it runs the real one.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-dist-'));
    try {
      fs.copyFileSync(path.join(DIST, 'cli.js'), path.join(copy, 'cli.js'));
      const mark = path.join(copy, 'worker-started');
      fs.writeFileSync(
        path.join(copy, 'detector-worker.js'),
        `require('node:fs').writeFileSync(${JSON.stringify(mark)}, '');\nrequire(${JSON.stringify(path.join(DIST, 'detector-worker.js'))});\n`,
      );
      const cli = (args: string[], thread: '1' | '0' | undefined) => {
        fs.rmSync(mark, { force: true });
        const r = spawnSync(process.execPath, [path.join(copy, 'cli.js'), ...args], { encoding: 'utf8', env: envWith(thread), maxBuffer: 256 * 1024 * 1024 });
        return { ...r, started: fs.existsSync(mark) };
      };
      const small = path.join(dir, 'small.txt');
      fs.writeFileSync(small, '国务院堂务会议研究部署。\n');
      let r = cli(['check', '--format', 'json', small], '1');
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(cliDiagnostics(r.stdout), expectedDiagnostics(small));
      assert.ok(cliDiagnostics(r.stdout).some((d) => d.code === 'typo/confusable'), r.stdout);
      assert.equal(r.started, false, 'no second thread for a small file');

      const file = path.join(dir, 'large.txt');
      r = cli(['check', '--format', 'json', file], '1');
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.started, true, 'the worker was started');
      assert.deepEqual(cliDiagnostics(r.stdout), expectedDiagnostics(file));

      r = cli(['check', file], '0');
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.started, false, 'GONGWEN_DETECTOR_THREAD=0');
      r = cli(['check', file], undefined);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.started, os.availableParallelism() >= 4, 'by default with 4 or more cores');

      // --only without typo: no worker
      r = cli(['check', '--only', 'punctuation', file], '1');
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /\[punctuation\/fullwidth\]/);
      assert.equal(r.started, false, 'no worker when the detector does not run');
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('dist/cli.js does not hold the .docx writer or the templates; new and export load dist/cli-extra.js', () => {
    const cli = fs.readFileSync(path.join(DIST, 'cli.js'), 'utf8');
    for (const mod of ['node_modules/docx/', 'node_modules/jszip/', 'templates/通知.md']) assert.ok(!cli.includes(mod), mod);
    assert.ok(fs.readFileSync(path.join(DIST, 'cli-extra.js'), 'utf8').includes('node_modules/docx/'));
    const r = spawnSync(process.execPath, [BIN, 'new', '通知'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /××/);
    const src = path.join(dir, '通知.md');
    fs.writeFileSync(src, '# 关于做好工作的通知\n\n各单位：\n\n请认真落实。\n');
    const e = spawnSync(process.execPath, [BIN, 'export', src], { encoding: 'utf8' });
    assert.equal(e.status, 0, e.stderr);
    assert.equal(fs.readFileSync(path.join(dir, '通知.docx')).subarray(0, 2).toString('latin1'), 'PK');
  });
});
