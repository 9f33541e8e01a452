// typo/dictionary drops a hit that the segmentation splits between two words
// (有关|健身 holds 关健): two words meeting, not the listed wrong form.
// Sentences are made up.
import * as assert from 'node:assert/strict';
import { splitBetweenWords } from '../../../server/src/engine/detector/boundary';
import { getLexicon } from '../../../server/src/engine/detector/lexicon';
import { generatedBadExample, getBuiltinDictionary } from '../../../server/src/engine/dictionary';
import type { Report, RuleOptions, TextBlock } from '../../../server/src/engine/types';
import { rule } from '../../../server/src/rules/typo/dictionary';

function block(text: string): TextBlock {
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = i;
  return { kind: 'paragraph', text, offsets, start: 0, end: text.length, lines: [{ from: 0, to: text.length }] };
}

function run(text: string, opts: Partial<RuleOptions> = {}): Report[] {
  const reports: Report[] = [];
  const options: RuleOptions = { acceptedWords: new Set(), dictionaries: [], detector: true, ruleOptions: {}, ...opts };
  const b = block(text);
  rule.block!(b, { model: { source: '', format: 'plaintext', blocks: [b], lines: [], comments: [], lineStarts: [0] }, options, report: (r) => reports.push(r) });
  return reports;
}

const spans = (text: string, opts: Partial<RuleOptions> = {}): string[] => run(text, opts).map((r) => text.slice(r.start, r.end));

before(function () {
  this.timeout(120000);
  getLexicon();
});

describe('engine/detector/boundary: splitBetweenWords', () => {
  const lex = (): ReturnType<typeof getLexicon> => getLexicon();
  const split = (text: string, part: string): boolean => {
    const i = text.indexOf(part);
    assert.ok(i >= 0);
    return splitBetweenWords(lex(), text, i, i + part.length);
  };

  it('holds when the span starts inside one word and ends inside the next', () => {
    assert.equal(split('加强有关健身设施建设', '关健'), true); // 有关|健身
    assert.equal(split('推进相关健康产业发展', '关健'), true); // 相关|健康
    assert.equal(split('及时公布署名情况', '布署'), true); // 公布|署名
  });

  it('does not hold for a token, single characters, or a span at the edge of its run', () => {
    assert.equal(split('问题的关健在于落实', '关健'), false); // a token of its own
    assert.equal(split('认真布署各项工作', '布署'), false); // 认真|布署|各项
    assert.equal(split('有关健身', '有关'), false); // a word itself
    assert.equal(split('关健，在于落实', '关健'), false); // nothing before it in its run
    assert.equal(split('落实有关健', '关健'), false); // nothing after it
    assert.equal(split('有关A健身', '关A健'), false); // not all Han
    // A rare word is weak evidence of a boundary: 公布|署名文章 (署名文章 is rare).
    assert.equal(split('及时公布署名文章', '布署'), false);
  });
});

describe('rule typo/dictionary: hits across a word boundary', () => {
  it('drops a wrong form made of the end of one word and the start of the next', () => {
    // Without the check each of these reports 关健 → 关键 or 布署 → 部署.
    assert.deepEqual(spans('加强有关健身设施建设。'), []);
    assert.deepEqual(spans('推进相关健康产业发展。'), []);
    assert.deepEqual(spans('各地相关健全工作机制。'), []);
    assert.deepEqual(spans('已发布署名公告。'), []);
  });

  it('still reports the wrong form where it stands as a word or between single characters', () => {
    assert.deepEqual(spans('抓住关健环节，问题的关健在于落实。'), ['关健', '关健']);
    assert.deepEqual(spans('认真布署各项工作。'), ['布署']);
    // In the same sentence as a boundary case, only the real slip is reported.
    const text = '加强有关健身设施建设是关健。';
    assert.deepEqual(run(text).map((r) => r.start), [text.lastIndexOf('关健')]);
  });

  it('keeps the current behaviour when the detector (and its lexicon) is off', () => {
    assert.deepEqual(spans('加强有关健身设施建设。', { detector: false }), ['关健']);
  });

  it('keeps every built-in entry\'s bad examples reported, conditional entries included', function () {
    this.timeout(60000);
    const failures: string[] = [];
    for (const e of getBuiltinDictionary().entries) {
      if (e.level === 'off') continue;
      for (const s of e.examples.bad.length ? e.examples.bad : [generatedBadExample(e.wrong)]) {
        const with_ = spans(s);
        const without = spans(s, { detector: false });
        if (without.includes(e.wrong) && !with_.includes(e.wrong)) failures.push(`${e.file}#${e.index} ${e.wrong}: “${s}”`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
