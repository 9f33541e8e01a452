import * as assert from 'node:assert/strict';
import { AhoCorasick } from '../../../server/src/engine/dictionary/aho-corasick';
import { buildMatcher, validateDictionary, type DictEntry, type RawEntry } from '../../../server/src/engine/dictionary';

function entries(raw: RawEntry[]): DictEntry[] {
  const { entries: list, problems } = validateDictionary(raw, 'test.json');
  assert.deepEqual(problems, []);
  return list;
}

function spans(list: RawEntry[], text: string, accepted?: string[]): string[] {
  return buildMatcher(entries(list))
    .match(text, { acceptedWords: accepted })
    .map((m) => `${m.start}:${text.slice(m.start, m.end)}→${m.entry.right[0]}`);
}

describe('Aho-Corasick automaton', () => {
  it('finds every occurrence of overlapping patterns', () => {
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers']);
    const hits = ac.findAll('ushers').map((h) => `${h.pattern}@${h.start}-${h.end}`);
    assert.deepEqual(hits.sort(), ['0@2-4', '1@1-4', '3@2-6'].sort());
  });

  it('agrees with a naive search on random texts', () => {
    const alphabet = 'abc部署';
    const rand = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
    for (let round = 0; round < 50; round++) {
      const pats = [...new Set(Array.from({ length: 8 }, () => rand(1 + Math.floor(Math.random() * 4))))];
      const text = rand(60);
      const ac = new AhoCorasick(pats);
      const got = ac.findAll(text).map((h) => `${h.pattern}@${h.start}`).sort();
      const want: string[] = [];
      pats.forEach((p, k) => {
        for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) want.push(`${k}@${i}`);
      });
      assert.deepEqual(got, want.sort());
    }
  });

  it('matches surrogate pairs as whole characters', () => {
    const ac = new AhoCorasick(['𠮷野', '野']);
    const hits = ac.findAll('a𠮷野b').map((h) => `${h.pattern}@${h.start}-${h.end}`);
    assert.deepEqual(hits.sort(), ['0@1-4', '1@3-4'].sort());
  });
});

describe('dictionary matcher', () => {
  it('reports a wrong form with its offsets', () => {
    assert.deepEqual(spans([{ wrong: '布署', right: '部署', level: 'error' }], '认真布署工作'), ['2:布署→部署']);
  });

  it('prefers the longest match, then the leftmost', () => {
    const list: RawEntry[] = [
      { wrong: '按步', right: '按部', level: 'error' },
      { wrong: '按步就班', right: '按部就班', level: 'error' },
      { wrong: 'ab', right: 'x', level: 'error' },
      { wrong: 'bc', right: 'y', level: 'error' },
    ];
    assert.deepEqual(spans(list, '要按步就班'), ['1:按步就班→按部就班']);
    assert.deepEqual(spans(list, 'abc'), ['0:ab→x']);
    assert.deepEqual(spans(list, 'abcbc'), ['0:ab→x', '3:bc→y']);
  });

  it('checks conditions only at the match site', () => {
    const list: RawEntry[] = [
      { wrong: '截止', right: '截至', level: 'warning', followedBy: ['目前', '[0-9]'] },
      { wrong: '形式', right: '形势', level: 'warning', precededBy: ['安全生产'], notFollowedBy: ['主义'] },
    ];
    assert.deepEqual(spans(list, '截止目前'), ['0:截止→截至']);
    assert.deepEqual(spans(list, '截止2024年'), ['0:截止→截至']);
    assert.deepEqual(spans(list, '报名截止日期'), []);
    assert.deepEqual(spans(list, '报名已截止'), []);
    assert.deepEqual(spans(list, '安全生产形式严峻'), ['4:形式→形势']);
    assert.deepEqual(spans(list, '安全生产形式主义'), []);
    assert.deepEqual(spans(list, '工作形式多样'), []);
  });

  it('supports character classes, negation and block edges', () => {
    const list: RawEntry[] = [
      { wrong: '甲', right: '乙', level: 'error', precededBy: ['^', '[a-c\\d]'] },
      { wrong: '丙', right: '丁', level: 'error', notFollowedBy: ['[^x]', '$'] },
    ];
    assert.deepEqual(spans(list, '甲'), ['0:甲→乙']);
    assert.deepEqual(spans(list, 'b甲'), ['1:甲→乙']);
    assert.deepEqual(spans(list, '５甲'), ['1:甲→乙']);
    assert.deepEqual(spans(list, 'z甲'), []);
    assert.deepEqual(spans(list, '丙x'), ['0:丙→丁']);
    assert.deepEqual(spans(list, '丙y'), []);
    assert.deepEqual(spans(list, '丙'), []);
  });

  it('checks character classes on whole code points next to surrogate pairs', () => {
    const list: RawEntry[] = [{ wrong: '野', right: '埜', level: 'error', precededBy: ['[𠮷]'] }];
    assert.deepEqual(spans(list, '𠮷野'), ['2:野→埜']);
    assert.deepEqual(spans(list, '吉野'), []);
  });

  it('falls through to the next entry for the same wrong form when conditions fail', () => {
    const list: RawEntry[] = [
      { wrong: '形式', right: '形势', level: 'warning', followedBy: ['严峻'] },
      { wrong: '形式', right: '形势', level: 'info', precededBy: ['国际'] },
    ];
    const m = buildMatcher(entries(list));
    assert.equal(m.match('国际形式')[0].entry.level, 'info');
    assert.equal(m.match('形式严峻')[0].entry.level, 'warning');
    assert.equal(m.match('形式多样').length, 0);
  });

  it('suppresses matches inside accepted words', () => {
    const list: RawEntry[] = [{ wrong: '定单', right: '订单', level: 'error' }];
    assert.deepEqual(spans(list, '确定单位', ['确定单位']), []);
    assert.deepEqual(spans(list, '确定单位', ['定单']), []);
    assert.deepEqual(spans(list, '确定单位，定单', ['确定单位']), ['5:定单→订单']);
  });

  it('does not fire inside a longer right form of another entry', () => {
    const list: RawEntry[] = [
      { wrong: '会报', right: '汇报', level: 'error' },
      { wrong: '大汇报告', right: '大会报告', level: 'error' },
    ];
    assert.deepEqual(spans(list, '作大会报告'), []);
    assert.deepEqual(spans(list, '向上级会报'), ['3:会报→汇报']);
  });

  it('leaves out entries with level off', () => {
    assert.deepEqual(spans([{ wrong: '布署', right: '部署', level: 'off' }], '布署'), []);
  });
});
