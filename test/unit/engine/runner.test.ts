import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, fixAll, applyEdits, safeFixEdits } from '../../../server/src/engine/index';
import { dropSubsumed } from '../../../server/src/engine/dedupe';
import { layerConfig, parseConfigText, resolveConfigForFile, findConfigFile } from '../../../server/src/engine/config';
import { listRules, validateRuleMeta } from '../../../server/src/engine/registry';
import { spanRange } from '../../../server/src/engine/text';
import type { Rule } from '../../../server/src/engine/types';

/** A test rule: every ASCII comma after a Han character → full-width, safe. */
const commaRule: Rule = {
  meta: { id: 'punctuation/test-comma', category: 'punctuation', severity: 'error', safeFix: true, description: '测试用规则', clause: '测试' },
  block(block, ctx) {
    for (let i = 1; i < block.text.length; i++) {
      if (block.text[i] === ',' && /[\u4e00-\u9fff]/.test(block.text[i - 1])) {
        const r = spanRange(block, i, i + 1);
        ctx.report({ ...r, message: '应使用全角逗号', fixes: [{ title: '改为“，”', edits: [{ ...r, newText: '，' }] }] });
      }
    }
  },
};

const throwingRule: Rule = {
  meta: { id: 'wording/test-throw', category: 'wording', severity: 'warning', safeFix: false, description: '总是出错的规则', clause: '测试' },
  block() {
    throw new Error('boom');
  },
};

describe('runner', () => {
  it('reports findings with source ranges and applies config severity', () => {
    const src = '各单位,请注意,谢谢。';
    const r = check(src, { format: 'plaintext', rules: [commaRule] });
    assert.equal(r.findings.length, 2);
    assert.equal(src.slice(r.findings[0].start, r.findings[0].end), ',');
    assert.equal(r.findings[0].severity, 'error');
    const cfg = layerConfig([{ config: { rules: { 'punctuation/test-comma': 'warning' } } }]);
    assert.equal(check(src, { format: 'plaintext', rules: [commaRule], config: cfg }).findings[0].severity, 'warning');
    const off = layerConfig([{ config: { rules: { punctuation: 'off' } } }]);
    assert.equal(check(src, { format: 'plaintext', rules: [commaRule], config: off }).findings.length, 0);
    const ruleWins = layerConfig([{ config: { rules: { punctuation: 'off', 'punctuation/test-comma': 'info' } } }]);
    assert.equal(check(src, { format: 'plaintext', rules: [commaRule], config: ruleWins }).findings[0].severity, 'info');
  });

  it('an exception in one rule is caught and the other rules still report', () => {
    const r = check('各单位,请注意。', { format: 'plaintext', rules: [throwingRule, commaRule] });
    assert.equal(r.findings.length, 1);
    assert.equal(r.ruleErrors.length, 1);
    assert.equal(r.ruleErrors[0].ruleId, 'wording/test-throw');
  });

  it('--only restricts categories', () => {
    const r = check('各单位,请注意。', { format: 'plaintext', rules: [commaRule], only: ['typo'] });
    assert.equal(r.findings.length, 0);
  });

  it('disabled by `enable: false`', () => {
    const cfg = layerConfig([{ config: { enable: false } }]);
    assert.equal(check('各单位,请注意。', { format: 'plaintext', rules: [commaRule], config: cfg }).findings.length, 0);
  });
});

describe('suppression comments', () => {
  const md = (s: string) => check(s, { format: 'markdown', rules: [commaRule] }).findings.map((f) => s.slice(0, f.start).split('\n').length);
  it('disable-next-line silences only the next prose line', () => {
    const src = '<!-- gongwen-disable-next-line punctuation/test-comma -->\n\n甲,乙\n\n丙,丁\n';
    assert.deepEqual(md(src), [5]);
  });
  it('by category and for all rules', () => {
    assert.deepEqual(md('<!-- gongwen-disable-next-line punctuation -->\n\n甲,乙\n'), []);
    assert.deepEqual(md('<!-- gongwen-disable-next-line -->\n\n甲,乙\n'), []);
    assert.deepEqual(md('<!-- gongwen-disable-next-line typo -->\n\n甲,乙\n'), [3]);
  });
  it('disable … enable ranges', () => {
    const src = '甲,乙\n\n<!-- gongwen-disable punctuation/test-comma -->\n\n丙,丁\n\n戊,己\n\n<!-- gongwen-enable punctuation/test-comma -->\n\n庚,辛\n';
    assert.deepEqual(md(src), [1, 11]);
  });
  it('an unclosed disable runs to the end', () => {
    assert.deepEqual(md('甲,乙\n\n<!-- gongwen-disable -->\n\n丙,丁\n'), [1]);
  });
  it('works in plain text too', () => {
    const src = '<!-- gongwen-disable-next-line -->\n甲,乙\n丙,丁\n';
    const f = check(src, { format: 'plaintext', rules: [commaRule] }).findings;
    assert.equal(f.length, 1);
  });
});

describe('fixer', () => {
  it('fixAll applies every safe fix and a second run changes nothing', () => {
    const src = '甲,乙,丙,丁。\n戊,己。\n';
    const once = fixAll(src, { format: 'plaintext', rules: [commaRule] });
    assert.equal(once.output, '甲，乙，丙，丁。\n戊，己。\n');
    assert.equal(once.fixed, 4);
    assert.equal(once.remaining.length, 0);
    const twice = fixAll(once.output, { format: 'plaintext', rules: [commaRule] });
    assert.equal(twice.output, once.output);
    assert.equal(twice.fixed, 0);
  });

  it('applyEdits skips overlapping edits', () => {
    const { output, applied } = applyEdits('abcdef', [
      { start: 1, end: 3, newText: 'X' },
      { start: 2, end: 4, newText: 'Y' },
      { start: 5, end: 6, newText: 'Z' },
    ]);
    assert.equal(output, 'aXdeZ');
    assert.equal(applied.length, 2);
  });

  it('safeFixEdits takes whole fixes and never overlapping ones', () => {
    const base = { ruleId: 'x/y', category: 'typo' as const, message: '', severity: 'error' as const, clause: '', safe: true };
    const edits = safeFixEdits([
      { ...base, start: 0, end: 2, fixes: [{ title: '', edits: [{ start: 0, end: 2, newText: 'a' }] }] },
      { ...base, start: 1, end: 3, fixes: [{ title: '', edits: [{ start: 1, end: 3, newText: 'b' }] }] },
      { ...base, start: 5, end: 6, safe: false, fixes: [{ title: '', edits: [{ start: 5, end: 6, newText: 'c' }] }] },
    ]);
    assert.deepEqual(edits, [{ start: 0, end: 2, newText: 'a' }]);
  });

  it('drops findings whose range is outside the document or splits a surrogate pair', () => {
    const bad: Rule = {
      meta: { ...commaRule.meta, id: 'punctuation/test-bad' },
      block(block, ctx) {
        ctx.report({ start: -1, end: 2, message: 'x' });
        ctx.report({ start: 1, end: 2, message: 'split' });
        ctx.report({ start: 0, end: 9999, message: 'x' });
        ctx.report({ start: 0, end: 2, message: 'ok' });
      },
    };
    const f = check('𠀀字', { format: 'plaintext', rules: [bad] }).findings;
    assert.deepEqual(f.map((x) => x.message), ['ok']);
  });
});

describe('configuration', () => {
  it('parses JSON with comments and reports problems with the file name', () => {
    assert.deepEqual(parseConfigText('{ // c\n "rules": {"typo": "off"} }', 'a.json').config, { rules: { typo: 'off' } });
    const broken = parseConfigText('{ "rules": ', 'b.json');
    assert.equal(broken.problems.length, 1);
    assert.equal(broken.problems[0].file, 'b.json');
    assert.match(broken.problems[0].message, /JSON 语法错误/);
    const wrong = parseConfigText('{ "rules": {"typo": "loud"}, "foo": 1, "acceptedWords": "x" }', 'c.json');
    assert.equal(wrong.problems.length, 3);
  });

  it('finds .gongwenrc.json by walking up, resolves dictionary paths relative to it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-'));
    const sub = path.join(dir, 'a', 'b');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(dir, '.gongwenrc.json'), JSON.stringify({ dictionaries: ['dict/my.json'], acceptedWords: ['张三'], detector: false }));
    assert.equal(findConfigFile(sub), path.join(dir, '.gongwenrc.json'));
    const c = resolveConfigForFile(path.join(sub, 'x.md'));
    assert.deepEqual(c.dictionaries, [path.join(dir, 'dict/my.json')]);
    assert.deepEqual(c.acceptedWords, ['张三']);
    assert.equal(c.detector, false);
    assert.equal(c.problems.length, 0);
  });

  it('later layers override earlier ones; lists accumulate', () => {
    const c = layerConfig([
      { config: { rules: { typo: 'off', 'punctuation/fullwidth': 'warning' }, acceptedWords: ['甲'] } },
      { config: { rules: { typo: 'error' }, acceptedWords: ['乙'] } },
    ]);
    assert.deepEqual(c.rules, { typo: 'error', 'punctuation/fullwidth': 'warning' });
    assert.deepEqual(c.acceptedWords, ['甲', '乙']);
  });
});

describe('registry', () => {
  it('every registered rule has valid metadata and a unique id', () => {
    const rules = listRules();
    assert.ok(rules.length >= 4, `only ${rules.length} rules`);
    for (const r of rules) assert.deepEqual(validateRuleMeta(r), [], r.meta.id);
    assert.equal(new Set(rules.map((r) => r.meta.id)).size, rules.length);
  });

  it('the spine rules are registered', () => {
    const ids = new Set(listRules().map((r) => r.meta.id));
    for (const id of ['punctuation/fullwidth', 'structure/doc-number', 'heading/ordinal-format', 'typo/dictionary'])
      assert.ok(ids.has(id), id);
  });
});

describe('one mistake, one finding', () => {
  it('a more specific rule whose fix covers another rule\'s fix wins', () => {
    const src = '# 关于工作的通知\n\n各单位:\n\n正文内容。\n';
    const r = check(src, { format: 'markdown' });
    const at = src.indexOf(':');
    const here = r.findings.filter((f) => f.start <= at && at < f.end);
    assert.deepEqual(here.map((f) => f.ruleId), ['structure/recipient-colon']);
  });
  it('heading/ordinal-format covers the parentheses of (一)、', () => {
    const src = '# 关于工作的通知\n\n各单位：\n\n一、总体要求\n\n(一)、坚持安全第一。\n';
    const r = check(src, { format: 'markdown' });
    const at = src.indexOf('(一)');
    assert.deepEqual(r.findings.filter((f) => f.start <= at && at < f.end).map((f) => f.ruleId), ['heading/ordinal-format']);
    assert.ok(fixAll(src, { format: 'markdown' }).output.includes('（一）坚持安全第一。'));
  });
  it('as specific, the more certain finding wins: a dictionary error over the detector\'s guess at the same slip', () => {
    const src = '建立健全长效机治，精心布署各项工作，确保取得实效。';
    const r = check(src, { format: 'plaintext' });
    for (const word of ['布署']) {
      const at = src.indexOf(word);
      const here = r.findings.filter((f) => f.start <= at && at < f.end);
      assert.deepEqual(here.map((f) => `${f.ruleId} ${f.severity}`), ['typo/dictionary error'], word);
    }
    // The detector does flag both (a slip in the same sentence supports them); without the dictionary they stay.
    const alone = check(src, { format: 'plaintext', rules: listRules().filter((x) => x.meta.id === 'typo/confusable') });
    for (const word of ['布署']) assert.ok(alone.findings.some((f) => f.start <= src.indexOf(word) && src.indexOf(word) < f.end), word);
  });
  it('equally ranked findings proposing the same rewrite are one finding', () => {
    // 截止 before a date: the dictionary's context entry and wording/jiezhi both propose 截至.
    const src = '截止2025年12月31日，完成各项任务。';
    const both = check(src, { format: 'plaintext', rules: listRules().filter((x) => ['typo/dictionary', 'wording/jiezhi'].includes(x.meta.id)) });
    assert.equal(both.findings.length, 1, both.findings.map((f) => f.ruleId).join(', '));
    assert.equal(both.findings[0].fixes[0].edits[0].newText, '截至');
    // The one kept is the one fix-all may apply, so the fix is not lost.
    assert.equal(both.findings[0].safe, true);
    assert.equal(fixAll(src, { format: 'plaintext' }).output, src.replace('截止', '截至'));
    // Each rule alone does report it.
    for (const id of ['typo/dictionary', 'wording/jiezhi']) {
      assert.equal(check(src, { format: 'plaintext', rules: listRules().filter((x) => x.meta.id === id) }).findings.length, 1, id);
    }
  });
  it('unrelated findings on the same text all stay', () => {
    const r = check('要布署工作,再接再励。', { format: 'plaintext' });
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['typo/dictionary', 'punctuation/fullwidth', 'typo/dictionary']);
  });
});

describe('dropSubsumed scales', () => {
  // 60,000 findings: milliseconds when near-linear, minutes when quadratic (a generous bound, not a benchmark)
  it('handles many findings in near-linear time and keeps all unrelated ones', function () {
    this.timeout(30000);
    const many = Array.from({ length: 60000 }, (_, i) => ({
      ruleId: 'punctuation/fullwidth', category: 'punctuation' as const, start: i * 3, end: i * 3 + 1, message: '', severity: 'error' as const,
      fixes: [{ title: '', edits: [{ start: i * 3, end: i * 3 + 1, newText: '，' }] }], safe: true, clause: '',
    }));
    assert.equal(dropSubsumed(many).length, 60000);
  });
});
