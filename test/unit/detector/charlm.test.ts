import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  bigramCost,
  costAt,
  decodeCharLm,
  getCharLm,
  hasBigram,
  loadCharLm,
  normCode,
  BOS,
  EOS,
  CHAR_LM_FILE,
  type CharLm,
} from '../../../server/src/engine/detector/charLm';
import { parseLearnedPairs, pairCount, loadLearnedPairs, SOURCE_PAIRS_FILE } from '../../../server/src/engine/detector/learnedPairs';
import { blockCodes, lmDetect, lmStageData, Change, SOURCE_KIND, type LmStageData } from '../../../server/src/engine/detector/lmDetect';
import { getLexicon } from '../../../server/src/engine/detector/lexicon';
import { lexiconTries } from '../../../server/src/engine/detector/trie';

const root = path.resolve(__dirname, '../../..');

/** Cost (nats) of a whole line under a model, sentence boundaries included. */
function lineCost(m: CharLm, line: string): number {
  const codes = blockCodes(line);
  let t = 0;
  for (let k = 1; k < codes.length; k++) t += costAt(m, codes, k, 0);
  return t;
}

describe('detector: the 公文 character model (charLm.ts)', () => {
  let lm: CharLm;
  before(function () {
    this.timeout(60000);
    lm = getCharLm();
  });

  it('loads as typed-array views, once', () => {
    assert.equal(getCharLm(), lm);
    assert.ok(lm.entries > 500000, `${lm.entries} n-grams`);
    assert.equal(lm.slot.length, lm.slots);
    assert.equal(lm.slots & (lm.slots - 1), 0);
  });

  it('prefers official wording to a slip of one character', () => {
    for (const [right, wrong] of [
      ['各地区各部门要认真贯彻落实。', '各地区各部门要认真贯彻落石。'],
      ['健全长效机制。', '健全长效机治。'],
      ['发展大数据产业。', '发展大数局产业。'],
    ]) {
      assert.ok(lineCost(lm, right) + 5 < lineCost(lm, wrong), `${right} vs ${wrong}`);
    }
  });

  it('answers bigrams from its small table as the full model does', () => {
    const codes = blockCodes('贯彻落实');
    for (let k = 1; k < codes.length; k++) {
      assert.ok(Math.abs(bigramCost(lm, codes[k - 1], codes[k]) - costAt(lm, codes, k, k - 1)) < 1e-9);
    }
    assert.equal(hasBigram(lm, '贯'.charCodeAt(0), '彻'.charCodeAt(0)), true);
    assert.equal(hasBigram(lm, '彻'.charCodeAt(0), '贯'.charCodeAt(0)), false);
  });

  it('sees digits and Latin letters as their class', () => {
    assert.equal(normCode('7'.charCodeAt(0)), normCode('０'.charCodeAt(0)));
    assert.equal(normCode('Q'.charCodeAt(0)), normCode('ｂ'.charCodeAt(0)));
    assert.equal(normCode('年'.charCodeAt(0)), '年'.charCodeAt(0));
    assert.ok(Math.abs(lineCost(lm, '2025年') - lineCost(lm, '1999年')) < 1e-9);
  });

  it('rejects a file that is not a model, with a clear error naming the file', () => {
    assert.throws(() => decodeCharLm(Buffer.from('not a model at all, no')), /not a Gongwen character model/);
    const good = fs.readFileSync(path.join(root, 'server/data/lexicon', CHAR_LM_FILE));
    assert.throws(() => decodeCharLm(good.subarray(0, good.length - 4)), /truncated/);
    const badSlots = Buffer.from(good.subarray(0, 64));
    badSlots.writeUInt32LE(3, 12);
    assert.throws(() => decodeCharLm(badSlots), /power of two/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-lm-'));
    assert.throws(() => loadCharLm(dir), new RegExp(`cannot read the character model .*${CHAR_LM_FILE}`));
    fs.writeFileSync(path.join(dir, CHAR_LM_FILE), 'GWCL');
    assert.throws(() => loadCharLm(dir), new RegExp(`${CHAR_LM_FILE}: not a Gongwen character model`));
  });
});

describe('detector: training the character model (scripts/lexicon/build-gongwen-lm.ts)', () => {
  it('is deterministic and gives each history a distribution that sums to one', function () {
    this.timeout(60000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-train-'));
    fs.mkdirSync(path.join(dir, 'train'));
    fs.writeFileSync(
      path.join(dir, 'train', 'a.txt'),
      ['各地区各部门要认真贯彻落实。', '各部门要认真贯彻执行。', '要认真落实各项措施。', '各地区要加强组织领导，落实各项措施。'].join('\n'),
    );
    const build = (out: string): void => {
      const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/lexicon/build-gongwen-lm.ts', '--train', path.join(dir, 'train'), '--min-count', '1', '--out', out], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    };
    build(path.join(dir, 'a.bin'));
    build(path.join(dir, 'b.bin'));
    const a = fs.readFileSync(path.join(dir, 'a.bin'));
    assert.ok(a.equals(fs.readFileSync(path.join(dir, 'b.bin'))), 'same text, same bytes');
    const m = decodeCharLm(a);
    // Every character of the text and the sentence end, after a few histories.
    const vocab = [...new Set([...'各地区各部门要认真贯彻落实。各部门要认真贯彻执行。要认真落实各项措施。各地区要加强组织领导，落实各项措施。'].map((c) => c.charCodeAt(0))), EOS];
    for (const history of ['', '要', '认真', '贯彻落', '各地区各部']) {
      const codes = [BOS, ...[...history].map((c) => c.charCodeAt(0)), 0];
      const k = codes.length - 1;
      let sum = 0;
      for (const c of vocab) {
        codes[k] = c;
        sum += Math.exp(-costAt(m, codes, k, 0));
      }
      // The unknown character takes a little mass, and costs are rounded to
      // 1/8 nat (up to ±6 % on the term that dominates a long history).
      assert.ok(sum > 0.9 && sum < 1.1, `history "${history}": ${sum}`);
    }
  });
});

describe('detector: learned confusion pairs', () => {
  it('parses pairs and counts, and names a malformed line', () => {
    const p = parseLearnedPairs('# comment\n局\t据\t3\n治\t制\t1\n');
    assert.equal(p.size, 2);
    assert.equal(pairCount(p, '局'.charCodeAt(0), '据'.charCodeAt(0)), 3);
    assert.equal(pairCount(p, '据'.charCodeAt(0), '局'.charCodeAt(0)), 0);
    // Code units above 0x7FFF (most Han characters) sort and index like the others.
    const high = parseLearnedPairs('龙\t笼\t2\n局\t据\t3\n龙\t垄\t1\n');
    assert.equal(pairCount(high, '龙'.charCodeAt(0), '笼'.charCodeAt(0)), 2);
    assert.equal(pairCount(high, '龙'.charCodeAt(0), '垄'.charCodeAt(0)), 1);
    assert.equal(pairCount(high, '局'.charCodeAt(0), '据'.charCodeAt(0)), 3);
    assert.throws(() => parseLearnedPairs('局\t据\t3\n局据\n'), /line 2: expected/);
    assert.throws(() => parseLearnedPairs('局\t据\tmany\n'), /line 1/);
  });

  it('ships a pairs file learned from training lines, and the public lists\' pairs beyond the confusion sets', () => {
    const p = loadLearnedPairs(path.join(root, 'server/data/lexicon'));
    assert.ok(p.size > 500);
    const s = loadLearnedPairs(path.join(root, 'server/data/lexicon'), SOURCE_PAIRS_FILE);
    assert.ok(s.size > 100000);
    assert.throws(() => loadLearnedPairs(os.tmpdir(), 'no-such-pairs.txt'), /cannot read the confusion pairs .*no-such-pairs\.txt/);
  });
});

describe('detector: the character-model stage (lmDetect.ts)', () => {
  let data: LmStageData;
  before(function () {
    this.timeout(120000);
    const lex = getLexicon();
    const t = lexiconTries(lex);
    const isWord2 = (a: number, b: number): boolean => {
      const node = t.logp.child(t.logp.child(0, a), b);
      return node > 0 && !Number.isNaN(t.logpValue[node]);
    };
    data = lmStageData(getCharLm(), t.confStart, t.confCodes, t.confKinds, loadLearnedPairs(path.join(root, 'server/data/lexicon')), isWord2, loadLearnedPairs(path.join(root, 'server/data/lexicon'), SOURCE_PAIRS_FILE));
  });

  it('offers the public lists\' pairs as candidates of their own kind, after the confusion sets', () => {
    assert.ok(data.confKinds.includes(SOURCE_KIND));
    const code = '局'.charCodeAt(0);
    const kinds = [...data.confKinds.subarray(data.confStart[code], data.confStart[code + 1])];
    assert.equal(kinds.indexOf(SOURCE_KIND) < 0 || kinds.slice(kinds.indexOf(SOURCE_KIND)).every((k) => k === SOURCE_KIND), true);
  });
  const found = (text: string, floor = 10): string[] => lmDetect(data, text, { floor }).map((c) => `${c.wrong}→${c.right}`);

  it('replaces one character', () => {
    assert.deepEqual(found('发展大数局产业。'), ['局→据']);
  });

  it('replaces two adjacent characters together when each breaks the other’s bigram', () => {
    const [c] = lmDetect(data, '投融资模式，墙画监督管理。', { floor: 10 });
    assert.equal(c.change, Change.Double);
    assert.equal(`${c.wrong}→${c.right}`, '墙画→强化');
  });

  it('swaps two characters when the swap is a word', () => {
    const [c] = lmDetect(data, '要坚持事实求是的原则。', { floor: 10 });
    assert.equal(c.change, Change.Swap);
    assert.equal(`${c.wrong}→${c.right}`, '事实→实事');
  });

  it('finds two slips of one block, each judged in the other’s corrected context', () => {
    assert.deepEqual(found('各部门要密切配和，健全长效机治。'), ['和→合', '治→制']);
  });

  it('stays silent on correct official text', () => {
    for (const text of [
      '各地区各部门要认真贯彻落实党中央、国务院决策部署，切实加强组织领导。',
      '坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局。',
      '请各单位于2025年12月31日前将工作总结报送市人民政府办公室。',
    ]) {
      assert.deepEqual(found(text, 6), [], text);
    }
  });

  it('never replaces a blocked position, and asks more evidence of a penalised one', () => {
    const text = '发展大数局产业。';
    const [c] = lmDetect(data, text, { floor: 0 });
    assert.deepEqual(lmDetect(data, text, { floor: 0, penalty: (i) => (i === 4 ? Infinity : 0) }).filter((d) => d.index === 4), []);
    const [p] = lmDetect(data, text, { floor: 0, penalty: (i) => (i === 4 ? 5 : 0) });
    assert.equal(p.index, 4);
    assert.ok(Math.abs(c.score - 5 - p.score) < 1e-9);
  });

  it('never replaces particles or numerals', () => {
    assert.deepEqual(lmDetect(data, '做好十四五规划的编制工作。', { floor: 0 }).filter((c) => '十四五的'.includes(c.wrong)), []);
  });
});
