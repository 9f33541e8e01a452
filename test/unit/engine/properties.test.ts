// Fix safety and robustness as properties, over random text and over
// published documents with typical mistakes inserted at random places.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { check, fixAll, safeFixEdits, type CheckResult } from '../../../server/src/engine/index';
import type { DocFormat } from '../../../server/src/engine/types';
import { positionAt } from '../../../server/src/engine/textModel';

const SHARED = path.resolve(__dirname, '../../../../shared/corpora/gov-docs');

function isLow(c: number) {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** `at` falls between the halves of a surrogate pair (a lone surrogate is a character of its own). */
function splitsPair(src: string, at: number): boolean {
  return at > 0 && at < src.length && isLow(src.charCodeAt(at)) && src.charCodeAt(at - 1) >= 0xd800 && src.charCodeAt(at - 1) <= 0xdbff;
}

/** Offset of the end of the line holding `at` (before its line break). */
function lineEnd(src: string, at: number): number {
  const m = /[\r\n]/g;
  m.lastIndex = at;
  return m.exec(src)?.index ?? src.length;
}

/** Invariants every check result must satisfy. */
function assertWellFormed(src: string, r: CheckResult): void {
  assert.deepEqual(r.ruleErrors.map((e) => `${e.ruleId}: ${e.message.split('\n')[0]}`), []);
  for (const f of r.findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= src.length, `${f.ruleId} range ${f.start}-${f.end} of ${src.length}`);
    assert.ok(!splitsPair(src, f.start), `${f.ruleId} starts inside a surrogate pair`);
    assert.ok(!splitsPair(src, f.end), `${f.ruleId} ends inside a surrogate pair`);
    // no fix touches text outside its finding's block (a paired bracket or
    // quote elsewhere in the block may change with it; nothing further)
    const block = r.model.blocks.find((b) => b.start <= f.start && f.end <= b.end);
    const [from, to] = block ? [block.start, block.end] : [r.model.lineStarts[positionAt(r.model.lineStarts, f.start).line], lineEnd(src, f.end)];
    for (const fix of f.fixes)
      for (const e of fix.edits) {
        assert.ok(e.start >= 0 && e.start <= e.end && e.end <= src.length, `${f.ruleId} edit out of range`);
        assert.ok(e.start >= from && e.end <= to, `${f.ruleId} fix edits ${e.start}-${e.end} outside the finding's ${block ? 'block' : 'lines'} ${from}-${to}`);
        // no fix deletes a line: a line break it removes must come back in its text
        const removedBreaks = (src.slice(e.start, e.end).match(/\n/g) ?? []).length;
        const addedBreaks = (e.newText.match(/\n/g) ?? []).length;
        assert.ok(addedBreaks >= removedBreaks, `${f.ruleId} fix deletes a line break: ${JSON.stringify(src.slice(e.start, e.end))}`);
      }
  }
  // the edits of one fix-all pass never overlap
  const edits = safeFixEdits(r.findings).sort((a, b) => a.start - b.start);
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i].start >= edits[i - 1].end, 'overlapping fix-all edits');
}

function assertFixAllConverges(src: string, format: DocFormat): void {
  const once = fixAll(src, { format });
  assert.ok(!once.remaining.some((f) => f.safe), `still safely fixable after fix-all: ${once.remaining.filter((f) => f.safe).map((f) => f.ruleId + ' ' + JSON.stringify(once.output.slice(f.start, f.end))).join(', ')}`);
  const twice = fixAll(once.output, { format });
  assert.equal(twice.output, once.output, 'a second fix-all changed the text');
  // line count never shrinks
  assert.ok(once.output.split('\n').length >= src.split('\n').length, 'fix-all removed a line');
}

const MISTAKES = ['布署', '按步就班', '再接再励', ',', ':', '(一)、', '1、', '[2024]', '第012号', '...', '。。', '２０２４', '15～30%', '截止目前', '"通知"', '二零二四年', '(此件公开发布)', '请示报告', '24年3月', '3千余人'];

function mutate(text: string, seed: number, count: number): string {
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  let out = text;
  for (let i = 0; i < count; i++) {
    let at = Math.floor(rand() * (out.length + 1));
    if (at > 0 && at < out.length && isLow(out.charCodeAt(at))) at--;
    out = out.slice(0, at) + MISTAKES[Math.floor(rand() * MISTAKES.length)] + out.slice(at);
  }
  return out;
}

describe('properties: fix safety over mutated published documents', function () {
  this.timeout(120000);
  const files = fs.existsSync(SHARED) ? fs.readdirSync(SHARED).filter((f) => f.endsWith('.txt')).sort() : [];

  it('the corpus is present', () => {
    assert.ok(files.length > 100, `gov-docs corpus not found at ${SHARED}`);
  });

  // every 40th document, 3 mutation seeds each, as plain text and as Markdown
  const sample = files.filter((_, i) => i % 40 === 0);
  for (const name of sample) {
    it(`${name.slice(0, 30)}…`, () => {
      const text = fs.readFileSync(path.join(SHARED, name), 'utf8').slice(0, 6000);
      for (let seed = 1; seed <= 3; seed++) {
        const src = mutate(text, seed * 7919 + name.length, 25);
        for (const format of ['plaintext', 'markdown'] as const) {
          assertWellFormed(src, check(src, { format }));
          assertFixAllConverges(src, format);
        }
      }
    });
  }
});

describe('properties: random input (fast-check)', function () {
  this.timeout(120000);
  const pieces = [
    '各单位', '通知', '关于', '的', '部署', '布署', '，', '。', ',', ':', '(', ')', '（', '）', '“', '"', '《', '》', '、',
    '一、', '（一）', '1.', '1、', '(1)', '\n', '\r\n', '\n\n', '# ', '## ', '- ', '1. ', '**', '*', '`', '```\n', '<!--', '-->',
    '[', '](', 'http://a.cn', '2024年', '3月', '5日', '〔2024〕', '[2024]', '号', '附件：', '抄送：', '𠀀', '\uD800', '\uDC00', ' ', '　', '\t', '|', '---\n',
    '...', '……', '——', '~', '～', '%', '0', '9', 'a', 'Z', '&amp;', '\\', '>',
  ];
  const arb = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 80 }).map((a) => a.join(''));

  for (const format of ['markdown', 'plaintext'] as const) {
    it(`${format}: no exception, valid ranges, fix-all converges, bounded time`, () => {
      fc.assert(
        fc.property(arb, (src) => {
          const t0 = Date.now();
          const r = check(src, { format });
          assert.ok(Date.now() - t0 < 5000, 'a small input took over 5 s');
          assertWellFormed(src, r);
          assertFixAllConverges(src, format);
        }),
        { numRuns: 300, seed: 42 },
      );
    });
  }
});
