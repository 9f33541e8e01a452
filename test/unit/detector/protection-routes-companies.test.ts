import { strict as assert } from 'node:assert';
import { getLexicon, wordLogp } from '../../../server/src/engine/detector/lexicon';
import { businessWords, runProtection, FREE } from '../../../server/src/engine/detector/protect';
import { segmentRun } from '../../../server/src/engine/detector/segment';
import { lexiconTries, NAME_TAGS } from '../../../server/src/engine/detector/trie';

// Protection of route names (the name part before 高速, 铁路, 大桥, 隧道…) and of
// company names with a long line of business (…产业基金管理有限公司). The names
// are made up: two characters that a one-character change turns into an
// everyday word, which the detector flagged (scores at commit bfea9fc, with
// detect(text, { minScore: 3 })) when nothing protected them. The tests check
// the protection mask itself, whatever the detector then makes of it.

/**
 * The name protection of a run of Han characters, as a string with one mark
 * per character ('.' free, 's' soft, 'h' hard), with the run information the
 * detector gives it (weak: a single character or a word of frequency < 10).
 */
function marks(run: string): string {
  const lex = getLexicon();
  const seg = segmentRun(lex, run, false);
  const rare = Math.log(10) - Math.log(lex.total);
  const { nameOf } = lexiconTries(lex);
  const mask = new Uint8Array(run.length);
  runProtection(
    {
      text: run,
      tokens: seg.tokens,
      tokenOf: seg.tokenOf,
      weak: (t) => seg.tokens[t][1] - seg.tokens[t][0] === 1 || seg.tokenLogp[t] < rare,
      nameTag: (t) => (seg.tokenNode[t] >= 0 && seg.tokens[t][1] - seg.tokens[t][0] > 1 ? NAME_TAGS[nameOf[seg.tokenNode[t]]] : undefined),
      isWord: (w) => w.length > 1 && wordLogp(lex, w) !== undefined,
    },
    mask,
  );
  return [...mask].map((m) => (m === FREE ? '.' : m === 1 ? 's' : 'h')).join('');
}
/** The marks of `part` (its first occurrence) in `run`. */
const marksOf = (run: string, part: string): string => {
  const i = run.indexOf(part);
  assert.ok(i >= 0);
  return marks(run).slice(i, i + part.length);
};
/** Whether no character of `part` is protected. */
const free = (run: string, part: string): boolean => /^\.+$/.test(marksOf(run, part));
/** Whether every character of `part` is protected. */
const guarded = (run: string, part: string): boolean => !marksOf(run, part).includes('.');

before(function () {
  this.timeout(120000);
  getLexicon();
});

describe('detector protection: route names', () => {
  it('protects the name before a road or railway suffix', () => {
    // Without the rule: 荆济→经济 (15.3), 甬常→通常 (11.7), 自济→自己 (11.4).
    assert.ok(guarded('推进荆济高速建设', '荆济'));
    assert.ok(guarded('推进荆济高速公路扩容工程', '荆济'));
    assert.ok(guarded('加快建设甬常高速铁路', '甬常'));
    assert.ok(guarded('建设荆济城际铁路', '荆济'));
    assert.ok(guarded('建设自济干线公路', '自济'));
    assert.ok(guarded('推进杭绍甬常高速建设', '杭绍甬常'));
  });

  it('protects the name before a street, bridge, tunnel, ring or express road', () => {
    // Without the rule: 丰福→丰富 (10.8), 随浙→随着 (10.5–11.7).
    assert.ok(guarded('建设丰福大道改造工程', '丰福'));
    assert.ok(guarded('建设丰福快速路', '丰福'));
    assert.ok(guarded('建设丰福大桥', '丰福'));
    assert.ok(guarded('建设丰福隧道', '丰福'));
    assert.ok(guarded('推进随浙环线建设', '随浙'));
  });

  it('marks the name part as soft, up to four characters', () => {
    assert.equal(marks('推进荆济高速建设'), '..ss....');
    assert.equal(marks('推进杭绍甬常高速建设'), '..ssss....');
    assert.equal(free('推进杭绍甬常高速建设', '推进'), true);
  });

  it('leaves 高速 as an adverb (高速发展, 高速运行) and ordinary text unprotected', () => {
    assert.equal(free('保持经齐高速发展', '经齐'), true);
    assert.equal(free('列车在甬常高速运行', '甬常'), true);
    assert.equal(free('推动经齐社会高质量发展', '经齐'), true);
    assert.equal(free('保持经济高速增长', '经济'), true);
  });
});

describe('detector protection: company names with a long line of business', () => {
  it('protects the name before several words of line of business', () => {
    // Without the rule (two words skipped at most): 京济→经济 (13.3), 随浙→随着, 银杭→银行.
    assert.ok(guarded('委托京济股权投资基金管理有限公司负责运营', '京济'));
    assert.ok(guarded('由随浙产业基金管理有限公司出资', '随浙'));
    assert.ok(guarded('委托银杭产业基金管理有限公司负责运营', '银杭'));
    // Already protected before (two words): still protected.
    assert.ok(guarded('委托丰福科技发展有限公司负责', '丰福'));
    assert.ok(guarded('成立甘鑫投资控股集团有限公司', '甘鑫'));
  });

  it('marks the name part before the line of business as soft', () => {
    assert.equal(marks('委托京济股权投资基金管理有限公司负责'), '..ss..............');
  });

  it('skips any two words next to the suffix, further ones only when they are words of line of business', () => {
    // 设立, 出资: any two words; 共同 is no word of line of business: the skip stops there.
    assert.equal(free('京济两地共同出资设立有限公司', '京济'), true);
    // 先进|技术 next to the suffix; 北京 (a third word, no line of business) stops the
    // skip, so the slip 大数局 before it stays open to correction (北京 itself, a
    // tagged place name, still lets the one character before it count as name).
    assert.equal(free('推进大数局北京先进技术研究院建设', '大数'), true);
  });

  it('recognises words of line of business, alone or compounded', () => {
    assert.equal(businessWords('股权投资基金', 0, 6), true);
    assert.equal(businessWords('控股集团', 0, 4), true);
    assert.equal(businessWords('城市更新', 0, 4), false);
    assert.equal(businessWords('推进改革', 0, 4), false);
    assert.equal(businessWords('产', 0, 1), false);
  });
});
