import { strict as assert } from 'node:assert';
import { ConfusionKind, getLexicon, isLexiconLoaded, wordLogp } from '../../../server/src/engine/detector/lexicon';
import { cut, segment } from '../../../server/src/engine/detector/segment';
import { detect, CONTEXT_WEIGHT, GENERAL_CLAMP, HIGH_SCORE, MEDIUM_SCORE, REAL_WORD_PENALTY, SUPPORTED_SCORE, WORD_WEIGHT, type Detection } from '../../../server/src/engine/detector/detect';
import { blockProtection, inRepetitionFrame, HARD, SOFT } from '../../../server/src/engine/detector/protect';
import { rule } from '../../../server/src/rules/typo/confusable';
import { buildTextModel } from '../../../server/src/engine/textModel';
import type { Report, RuleOptions } from '../../../server/src/engine/types';

function pairs(ds: Detection[]): string[] {
  return ds.map((d) => `${d.original}→${d.corrected}`);
}

function runRule(source: string, opts: Partial<RuleOptions> = {}): Report[] {
  const model = buildTextModel(source, 'plaintext');
  const options: RuleOptions = { acceptedWords: new Set(), dictionaries: [], detector: true, ruleOptions: {}, ...opts };
  const reports: Report[] = [];
  for (const block of model.blocks) rule.block!(block, { model, options, report: (r) => reports.push(r) });
  return reports;
}

// Root-level hook: load the lexicon (1–2 s, more on a busy machine) once,
// before any test that runs the engine, so no test pays it within its timeout.
before(function () {
  this.timeout(120000);
  getLexicon();
});

describe('detector: lexicon', () => {
  it('loads lazily, once, with words, names and confusion sets', () => {
    const lex = getLexicon();
    assert.equal(isLexiconLoaded(), true);
    assert.equal(getLexicon(), lex);
    assert.ok(lex.logp.size > 300000);
    assert.ok(wordLogp(lex, '常务')! > wordLogp(lex, '堂务')!);
    // 公文 vocabulary that jieba lacks is added.
    assert.notEqual(wordLogp(lex, '大数据'), undefined);
    // Prefixes are not words.
    assert.equal(wordLogp(lex, '贯彻落'), undefined);
  });
});

describe('detector: segmentation', () => {
  it('finds the maximum-probability segmentation', () => {
    const lex = getLexicon();
    assert.deepEqual(cut(lex, '我们要认真贯彻落实党中央决策部署'), ['我们', '要', '认真', '贯彻落实', '党中央', '决策', '部署']);
    assert.deepEqual(cut(lex, '发展大数局产业'), ['发展', '大数', '局', '产业']);
  });

  it('forward and backward best scores agree', () => {
    const lex = getLexicon();
    const seg = segment(lex, '各地区各部门要认真贯彻落实');
    assert.ok(Math.abs(seg.fwd[seg.text.length] - seg.bwd[0]) < 1e-9);
    assert.equal(seg.tokens[0][0], 0);
    assert.equal(seg.tokens[seg.tokens.length - 1][1], seg.text.length);
  });

  it('keeps unknown characters as single tokens', () => {
    const lex = getLexicon();
    assert.deepEqual(cut(lex, '㐀㐁'), ['㐀', '㐁']);
  });
});

describe('detector: confusion sets', () => {
  it('holds same-syllable and similar-shape candidates', () => {
    const lex = getLexicon();
    assert.equal(lex.confusion.get('局')?.get('据'), ConfusionKind.OtherTone);
    assert.equal(lex.confusion.get('制')?.get('智'), ConfusionKind.SameTone);
    assert.equal(lex.confusion.get('堂')?.get('常'), ConfusionKind.Shape);
    assert.equal(lex.confusion.get('休')?.get('体'), ConfusionKind.Shape);
    assert.equal(lex.confusion.get('局')?.has('局'), false);
  });
});

describe('detector: detection', () => {
  const cases: Array<[string, string]> = [
    ['内蒙古自治区乌兰察布市大力培育发展大数局产业。', '大数局→大数据'],
    ['国务院堂务会议审议通过。', '国务院堂务会议→国务院常务会议'],
    ['编制国土空间总休规划。', '总休规划→总体规划'],
    ['把握总休布局，推进改革。', '总休布局→总体布局'],
    ['健全长效机治。', '长效机治→长效机制'],
    ['确保各项措失落到实处。', '各项措失→各项措施'],
  ];
  for (const [text, expected] of cases) {
    it(`flags ${expected}`, () => {
      const found = detect(text);
      assert.deepEqual(pairs(found), [expected]);
      assert.notEqual(found[0].confidence, 'low');
    });
  }

  it('accepts a weaker candidate in a sentence that holds a clear slip', () => {
    // 组织立 → 组织力 alone is too weak to report (score between SUPPORTED_SCORE and MEDIUM_SCORE) ...
    assert.deepEqual(pairs(detect('加强基层党组织建设，提高组织立。')), []);
    const [weak] = detect('加强基层党组织建设，提高组织立。', { minScore: SUPPORTED_SCORE, support: false });
    assert.ok(weak && weak.score >= SUPPORTED_SCORE && weak.score < MEDIUM_SCORE, JSON.stringify(weak));
    // ... but is shown beside a clear slip in the same sentence.
    const both = detect('加强基层党组织建设，提高组织立，健全长效机治。');
    assert.deepEqual(pairs(both), ['组织立→组织力', '长效机治→长效机制']);
    assert.equal(both[0].supported, true);
    assert.equal(both[0].confidence, 'medium');
    // Another sentence gives no support.
    assert.deepEqual(pairs(detect('加强基层党组织建设，提高组织立。健全长效机治。')), ['长效机治→长效机制']);
    assert.deepEqual(pairs(detect('加强基层党组织建设，提高组织立，健全长效机治。', { support: false })), ['长效机治→长效机制']);
  });

  it('combines the character model with the general word and context models', () => {
    const [d] = detect('严格执发。');
    assert.equal(d.corrected, '严格执法');
    assert.ok(d.lmScore > 0 && d.wordScore > 0 && d.contextGain! > 0, JSON.stringify(d));
    const clamp = (x: number): number => Math.max(-GENERAL_CLAMP, Math.min(GENERAL_CLAMP, x));
    const expected = d.lmScore + WORD_WEIGHT * clamp(d.wordScore) + CONTEXT_WEIGHT * clamp(d.contextGain!) - (d.realWord ? REAL_WORD_PENALTY : 0);
    assert.ok(Math.abs(d.score - expected) < 1e-9);
    // Without the general context model its gain is absent from the score.
    const [w] = detect('严格执发。', { context: false });
    assert.equal(w.contextGain, undefined);
    assert.ok(Math.abs(w.score - (d.score - CONTEXT_WEIGHT * clamp(d.contextGain!))) < 1e-9);
  });

  it('needs more evidence for a real-word slip (the written character sits in an established word)', () => {
    const [d] = detect('建立健全工作机智。');
    assert.equal(d.corrected, '机制');
    assert.equal(d.realWord, true);
    const [e] = detect('发展大数局产业。');
    assert.equal(e.realWord, false);
  });

  it('reports the replaced character and its index', () => {
    const [d] = detect('发展大数局产业');
    assert.equal(d.wrongChar, '局');
    assert.equal(d.rightChar, '据');
    assert.equal(d.index, 4);
    assert.equal(d.from, 2);
    assert.equal(d.to, 5);
  });

  const correct = [
    '各地区各部门要认真贯彻落实党中央、国务院决策部署，切实加强组织领导。',
    '国务院常务会议审议通过了《关于进一步优化营商环境的意见》。',
    '坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局。',
    '各级人民政府要建立健全长效机制，确保各项措施落到实处。',
    '请各单位于本月底前将工作总结报送市人民政府办公室。',
    '大力培育发展大数据产业，推动数字经济和实体经济深度融合。',
    '加强生态环境保护，统筹山水林田湖草沙一体化保护和系统治理。',
    '本通知自印发之日起施行，由市发展改革委负责解释。',
  ];
  for (const text of correct) {
    it(`stays silent on a correct sentence: ${text.slice(0, 12)}…`, () => {
      assert.deepEqual(pairs(detect(text)), []);
    });
  }
});

describe('detector: protection', () => {
  it('does not correct person names next to titles or introducers', () => {
    // Without protection these read as 世界 (score > 11), 光华 and 士气.
    for (const name of ['刘世杰', '王广华', '孙士奇']) {
      for (const text of [`任命${name}同志为办公厅副主任。`, `主任由副部长${name}兼任。`, `市委书记${name}出席会议。`, `会议由${name}主持召开。`]) {
        assert.deepEqual(pairs(detect(text, { minScore: 3 })), [], text);
      }
    }
    assert.deepEqual(pairs(detect('傅政华')), []);
  });

  const names = [
    '张志刚、李建华、王海燕同志为先进个人。',
    '经研究，决定任命刘晓明为市发展改革委主任。',
    '办公室主任赵立新主持会议并讲话。',
    '联系人：孙丽，电话：12345678。',
    '经省政府同意，决定授予周建军等同志先进工作者称号。',
    '现将张家界市永定区人民政府关于设立天门山镇的请示转发给你们。',
    '请青岛市城阳区夏庄街道办事处抓好落实。',
    '武汉市江岸区百步亭社区居委会主任',
  ];
  for (const text of names) {
    it(`finds nothing to correct, even at a low threshold, in: ${text.slice(0, 12)}…`, () => {
      assert.deepEqual(pairs(detect(text, { minScore: 3 })), []);
    });
  }

  it('does not correct the name part of places and organisations', () => {
    // Without protection 世杰 reads as 世界 (score > 11), 广华 as 光华, 士奇 as 士气.
    for (const name of ['世杰', '广华', '士奇']) {
      for (const text of [`请${name}镇人民政府抓好落实。`, `由${name}科技有限公司承办。`, `${name}社区居委会主任`, `${name}集团公司职工总医院副院长`]) {
        assert.deepEqual(pairs(detect(text, { minScore: 3 })), [], text);
      }
    }
  });

  it('needs more evidence inside long stretches of single characters (transliterated names)', () => {
    // 大数局 → 大数据 is found among words; inside a transliteration it needs NAME_PENALTY more.
    const [free] = detect('发展大数局产业。');
    assert.ok(free.score >= HIGH_SCORE);
    assert.deepEqual(pairs(detect('盖尔加斯大数局提巴努木主持召开。')), []);
  });

  it('does not correct place and organisation names', () => {
    // 安钢 (a company) would read as 鞍钢 to a pinyin model.
    assert.deepEqual(pairs(detect('河南省安钢集团公司职工总医院副院长。')), []);
    assert.deepEqual(pairs(detect('陕西省富平县美原镇党委书记。')), []);
  });

  it('does not touch quoted words, 书名号 titles, or characters next to Latin and digits', () => {
    assert.deepEqual(pairs(detect('发展大数局产业')), ['大数局→大数据']);
    assert.deepEqual(pairs(detect('发展“大数局产业”')), []);
    assert.deepEqual(pairs(detect('发展「大数局产业」')), []);
    assert.deepEqual(pairs(detect('学习《大数局产业发展》一书')), []);
    const mask = blockProtection('A大数局“堂务”', new Set());
    assert.equal(mask[1], SOFT);
    assert.equal(mask[5], HARD);
  });

  it('respects accepted words', () => {
    assert.deepEqual(pairs(detect('发展大数局产业', { acceptedWords: new Set(['大数局']) })), []);
    assert.deepEqual(pairs(detect('发展大数局产业', { acceptedWords: new Set(['其他']) })), ['大数局→大数据']);
  });

  it('leaves repetition frames alone', () => {
    const singles = (k: number): [number, number] => [k, k + 1];
    assert.equal(inRepetitionFrame('应搬尽搬', 2, singles), true);
    assert.equal(inRepetitionFrame('宜大则大', 0, singles), true);
    assert.equal(inRepetitionFrame('一企一策', 1, singles), true);
    assert.equal(inRepetitionFrame('推进改革', 1, singles), false);
    // 国务院|堂|务: the token 国务院 crosses the frame 务院堂务.
    const tok = (k: number): [number, number] => (k < 3 ? [0, 3] : [k, k + 1]);
    assert.equal(inRepetitionFrame('国务院堂务', 3, tok), false);
    // 会议|审议: two words, no single characters.
    const two = (k: number): [number, number] => [k - (k % 2), k - (k % 2) + 2];
    assert.equal(inRepetitionFrame('会议审议', 2, two), false);
    assert.deepEqual(pairs(detect('坚持一企一策，因企施策。')), []);
  });
});

describe('rule typo/confusable', () => {
  it('reports a warning or info with an unsafe fix', () => {
    const src = '要进一步加强组织领导，确保各项措失落到实处。';
    const [r, ...rest] = runRule(src);
    assert.equal(rest.length, 0);
    assert.equal(src.slice(r.start, r.end), '各项措失');
    assert.equal(r.message, '疑似错字：“各项措失”可能应为“各项措施”（“失”与“施”读音相同或相近），请核对');
    assert.ok(r.severity === 'warning' || r.severity === 'info');
    assert.equal(r.safe, false);
    assert.equal(rule.meta.safeFix, false);
    assert.equal(r.fixes![0].title, '改为“各项措施”');
    const e = r.fixes![0].edits[0];
    assert.equal(src.slice(e.start, e.end), '失');
    assert.equal(e.newText, '施');
  });

  it('maps offsets through Markdown markup', () => {
    const src = '# 标题\n\n发展**大数局**产业。\n';
    const model = buildTextModel(src, 'markdown');
    const options: RuleOptions = { acceptedWords: new Set(), dictionaries: [], detector: true, ruleOptions: {} };
    const reports: Report[] = [];
    for (const block of model.blocks) rule.block!(block, { model, options, report: (r) => reports.push(r) });
    assert.equal(reports.length, 1);
    const e = reports[0].fixes![0].edits[0];
    assert.equal(src.slice(e.start, e.end), '局');
  });

  it('is never error-level and never shows low confidence', () => {
    for (const r of runRule('编制国土空间总休规划。\n国务院堂务会议审议通过。\n这项工作具有重要意意。')) {
      assert.notEqual(r.severity, 'error');
      assert.notEqual(r.severity, 'hint');
    }
  });

  it('reports nothing when the detector is off', () => {
    assert.equal(runRule('国务院堂务会议审议通过。').length, 1);
    assert.equal(runRule('国务院堂务会议审议通过。', { detector: false }).length, 0);
  });

  it('reports nothing for accepted words', () => {
    assert.equal(runRule('国务院堂务会议审议通过。', { acceptedWords: new Set(['堂务']) }).length, 0);
  });

  it('checks a 200-character paragraph quickly (informational, no timing assertion)', () => {
    getLexicon();
    const para = '各地区各部门要认真贯彻落实党中央、国务院决策部署，切实加强组织领导，健全工作机制，强化责任落实，' +
      '确保各项措施落到实处。要坚持问题导向，聚焦重点领域和关键环节，统筹发展和安全，推动经济社会高质量发展。' +
      '要加强督促检查，及时总结推广经验做法，对工作中出现的新情况新问题，要深入研究，妥善处理，重大事项及时报告。' +
      '各级领导干部要带头深入基层、深入群众，认真听取意见建议，切实解决群众急难愁盼问题，不断增强人民群众的获得感、幸福感、安全感。';
    const t0 = performance.now();
    const reps = 20;
    for (let k = 0; k < reps; k++) detect(para);
    const ms = (performance.now() - t0) / reps;
    // Printed for the record; the machine is shared, so no assertion on time.
    console.log(`      ${para.length}-character paragraph: ${ms.toFixed(2)} ms`);
    assert.deepEqual(pairs(detect(para)), []);
  });
});
