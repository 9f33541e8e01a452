// The detector's optional second thread (engine/detector/parallel.ts): the
// worker entry is bundled with esbuild into a temporary folder (a worker
// thread cannot load TypeScript), then a large document is checked with and
// without it; the findings must be the same, block for block.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { detect } from '../../../server/src/engine/detector/detect';
import { findDataDir, getLexicon, isLexiconLoaded, setLexiconDir, wordLogp } from '../../../server/src/engine/detector/lexicon';
import { lexiconTries } from '../../../server/src/engine/detector/trie';
import {
  disableParallelDetection,
  enableParallelDetection,
  parallelDetectionEnabled,
  parallelDetectionReady,
  parallelRepliesPosted,
  planParallel,
  PARALLEL_MIN_CHARS,
} from '../../../server/src/engine/detector/parallel';
import { rule } from '../../../server/src/rules/typo/confusable';
import { buildTextModel } from '../../../server/src/engine/textModel';
import { numberedParagraphs } from '../../helpers/numberedParagraphs';
import type { Report, RuleOptions } from '../../../server/src/engine/types';

const root = path.resolve(__dirname, '../../..');

/** Let the worker answer at least one chunk past `before` replies (up to 20 s), so that it has claimed some. */
async function workerAnswered(before: number): Promise<void> {
  for (let k = 0; k < 400 && parallelRepliesPosted() <= before; k++) await new Promise((r) => setTimeout(r, 50));
}

const ORDINARY = [
  '各地区各部门要切实加强组织领导，把各项工作任务落到实处，确保取得实效。',
  '请各单位于每月五日前将工作进展情况报送市政府办公室，联系人：王明。',
];
const SLIPS = ['内蒙古自治区乌兰察布市大力培育发展大数局产业。', '国务院堂务会议审议通过。', '编制国土空间总休规划，健全长效机治。'];

/** Paragraphs with planted slips (大数局, 堂务, 总休, 机治) among ordinary 公文 sentences, repeated past the threshold. */
function largeDocument(): string[] {
  return numberedParagraphs([ORDINARY[0], ...SLIPS, ORDINARY[1]], PARALLEL_MIN_CHARS * 1.5);
}

/**
 * As largeDocument, with each slip written twice only, at the start and at the end
 * (the worker's side): the typo/confusable rule takes a form the document
 * writes three times or more for deliberate (DELIBERATE_REPEATS).
 */
function largeDocumentFewSlips(): string[] {
  return [...SLIPS, ...numberedParagraphs(ORDINARY, PARALLEL_MIN_CHARS * 1.5), ...SLIPS];
}

describe('detector: second thread (parallel.ts)', function () {
  this.timeout(120000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-worker-'));
    buildSync({
      entryPoints: [path.join(root, 'server/src/detector-worker.ts')],
      outfile: path.join(dir, 'detector-worker.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      logLevel: 'error',
    });
    // The bundle looks for the lexicon next to itself; the worker is given the folder found here.
    findDataDir();
  });

  after(() => {
    disableParallelDetection();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is off until a host enables it, and then plans small documents locally', () => {
    assert.equal(parallelDetectionEnabled(), false);
    assert.equal(planParallel(['一段很短的文字。'], new Set()), undefined);
  });

  it('gives the same detections as one thread, block for block', async () => {
    const texts = largeDocument();
    const local = texts.map((t) => detect(t));
    assert.ok(local.some((d) => d.length > 0), 'the planted slips are found');
    assert.equal(enableParallelDetection(path.join(dir, 'detector-worker.js')), true);
    assert.equal(await parallelDetectionReady(), true);
    const before = parallelRepliesPosted();
    const remote = planParallel(texts, new Set());
    assert.ok(remote, 'a large document is split');
    await workerAnswered(before);
    let fromWorker = 0;
    texts.forEach((t, i) => {
      const r = remote(i);
      if (r) fromWorker++;
      assert.deepEqual(r ?? detect(t), local[i], `block ${i}`);
    });
    // The worker takes chunks from the end while this thread takes them from the start.
    assert.ok(fromWorker > 0 && fromWorker < texts.length, `the worker checked ${fromWorker} of ${texts.length} blocks`);
    assert.equal(remote(texts.length - 1) !== undefined, true, 'the last block is the worker\'s');
  });

  it('passes accepted words to the worker', async () => {
    const texts = largeDocument();
    const accepted = new Set(['大数局']);
    const before = parallelRepliesPosted();
    const remote = planParallel(texts, accepted)!;
    assert.ok(remote);
    await workerAnswered(before);
    let silenced = 0;
    texts.forEach((t, i) => {
      const r = remote(i);
      if (!r) return;
      assert.deepEqual(r, detect(t, { acceptedWords: accepted }), `block ${i}`);
      if (r.length === 0 && detect(t).length > 0) silenced++;
    });
    assert.ok(silenced > 0, 'the accepted word silences the worker too');
  });

  it('the typo/confusable rule reports the same through the worker', () => {
    const source = largeDocumentFewSlips().join('\n');
    const run = () => {
      const model = buildTextModel(source, 'plaintext');
      const options: RuleOptions = { acceptedWords: new Set(), dictionaries: [], detector: true, ruleOptions: {} };
      const reports: Report[] = [];
      for (const block of model.blocks) rule.block!(block, { model, options, report: (r) => reports.push(r) });
      return reports;
    };
    const withWorker = run();
    disableParallelDetection();
    assert.equal(parallelDetectionEnabled(), false);
    const alone = run();
    assert.ok(alone.length > 0);
    assert.deepEqual(withWorker, alone);
  });

  it('a thread that has not loaded the lexicon adopts the worker\'s (shared memory, same results)', () => {
    disableParallelDetection();
    const texts = largeDocument();
    const before = texts.map((t) => detect(t));
    const dataDir = findDataDir();
    setLexiconDir(undefined); // forget this thread's lexicon
    assert.equal(isLexiconLoaded(), false);
    process.env.GONGWEN_LEXICON_DIR = dataDir;
    try {
      assert.equal(enableParallelDetection(path.join(dir, 'detector-worker.js')), true);
      const lex = getLexicon(); // waits for the worker's
      const tries = lexiconTries(lex);
      assert.ok(tries.logpValue.buffer instanceof SharedArrayBuffer, 'the tries are the worker\'s, in shared memory');
      assert.ok(tries.nameOf.buffer instanceof SharedArrayBuffer);
      assert.ok(tries.confCodes.buffer instanceof SharedArrayBuffer);
      assert.deepEqual(texts.map((t) => detect(t)), before);
      // The string maps (tests, tools) are built on demand from the data files.
      assert.equal(lex.logp.get('机制'), wordLogp(lex, '机制'));
      assert.equal(lex.names.size > 0, true);
    } finally {
      delete process.env.GONGWEN_LEXICON_DIR;
      disableParallelDetection();
    }
  });

  it('falls back to one thread when the worker cannot run', async () => {
    disableParallelDetection();
    const broken = path.join(dir, 'broken-worker.js');
    fs.writeFileSync(broken, 'throw new Error("broken worker");\n');
    enableParallelDetection(broken);
    const texts = largeDocument();
    const remote = planParallel(texts, new Set());
    // A worker that never runs claims no chunk: every block is left to the caller, at once.
    const t0 = Date.now();
    texts.forEach((_, i) => assert.equal(remote?.(i), undefined, `block ${i}`));
    assert.ok(Date.now() - t0 < 2000, 'no waiting for a dead worker');
    for (let k = 0; k < 100 && parallelDetectionEnabled(); k++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(parallelDetectionEnabled(), false, 'a dead worker is marked broken');
    assert.equal(planParallel(texts, new Set()), undefined, 'and no longer planned with');
    disableParallelDetection();
  });

  it('loads the lexicon here when the worker dies before providing it', () => {
    disableParallelDetection();
    const broken = path.join(dir, 'broken-worker.js');
    fs.writeFileSync(broken, 'throw new Error("broken worker");\n');
    setLexiconDir(undefined);
    enableParallelDetection(broken);
    const t0 = Date.now();
    const lex = getLexicon();
    assert.ok(Date.now() - t0 < 20000, 'gave up on the worker after its start timeout');
    assert.equal(lexiconTries(lex).logpValue.buffer instanceof SharedArrayBuffer, false, 'loaded here');
    assert.deepEqual(detect('内蒙古自治区乌兰察布市大力培育发展大数局产业。').map((d) => d.corrected), ['大数据']);
    disableParallelDetection();
  });
});
