import { strict as assert } from 'node:assert';
import { getLexicon } from '../../../server/src/engine/detector/lexicon';
import { detect, type Detection } from '../../../server/src/engine/detector/detect';
import { blockProtection, FREE, SOFT } from '../../../server/src/engine/detector/protect';

// Protection rules added for general classes of false alarms: parallel
// enumeration items, married women's names (冠夫姓), section names ending in 科,
// and characters the 通用规范汉字表 restored. Examples are made up.

function pairs(ds: Detection[]): string[] {
  return ds.map((d) => `${d.original}→${d.corrected}`);
}

before(function () {
  this.timeout(120000);
  getLexicon();
});

describe('detector protection: parallel enumeration items', () => {
  it('leaves items built on one pattern alone', () => {
    // Without the rule: 述法→书法 (4.5), 兴企→兴起 (8.5).
    assert.deepEqual(pairs(detect('推行述法、评法、考法。', { minScore: 3 })), []);
    assert.deepEqual(pairs(detect('实现兴企有道、强企有方。', { minScore: 3 })), []);
  });

  it('marks the aligned items only, and only when half their characters are shared', () => {
    const text = '推行述法、评法、考法。';
    const mask = blockProtection(text, new Set());
    assert.deepEqual([...mask].map((m) => (m === SOFT ? 's' : m === FREE ? '.' : 'h')).join(''), '..ss.ss.ss.');
    // 治企有方 / 兴企有为: two of four shared; the clause before the first item stays free.
    const m2 = blockProtection('要求治企有方、兴企有为。', new Set());
    assert.equal(m2[0], FREE);
    assert.equal(m2[1], FREE);
    for (let i = 2; i < 11; i++) if (i !== 6) assert.equal(m2[i], SOFT, `position ${i}`);
    // One of four shared: no pattern.
    assert.ok([...blockProtection('做到依法行政、严格执法。', new Set())].every((m) => m === FREE));
  });

  it('does not count a shared word as a pattern, and still finds slips in unlike items', () => {
    // 堂务会议 / 全体会议 share the word 会议.
    assert.deepEqual(pairs(detect('召开国务院堂务会议、全体会议。')), ['国务院堂务会议→国务院常务会议']);
    assert.deepEqual(pairs(detect('发展大数局产业、推进改革。')), ['大数局→大数据']);
  });
});

describe('detector protection: names and section suffixes', () => {
  it('protects married names with two surnames (冠夫姓) in lists', () => {
    // Without the rule: 冯富→丰富 (11.3).
    assert.deepEqual(pairs(detect('出席：张冯富珍 李明', { minScore: 3 })), []);
    assert.deepEqual(pairs(detect('刘冯富英', { minScore: 3 })), []);
  });

  it('protects the name part of a section ending in 科', () => {
    // Without the rule: 规财→规则 (7.0).
    assert.deepEqual(pairs(detect('区局规财科负责同志', { minScore: 3 })), []);
  });
});

describe('detector confusion sets: characters restored by the 通用规范汉字表', () => {
  it('never proposes the superseded character for a restored one', () => {
    const lex = getLexicon();
    assert.equal(lex.confusion.get('黏')?.has('粘'), false);
    assert.equal(lex.confusion.get('粘')?.has('黏'), true);
    assert.deepEqual(pairs(detect('加快推广胶黏剂。', { minScore: 3 })), []);
  });
});
