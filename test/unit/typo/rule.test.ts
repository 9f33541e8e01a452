import * as assert from 'node:assert/strict';
import type { Report, RuleOptions, TextBlock } from '../../../server/src/engine/types';
import { rule } from '../../../server/src/rules/typo/dictionary';

function block(text: string, base = 10): TextBlock {
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = base + i;
  return { kind: 'paragraph', text, offsets, start: base, end: base + text.length, lines: [{ from: 0, to: text.length }] };
}

function run(text: string, opts: Partial<RuleOptions> = {}): Report[] {
  const reports: Report[] = [];
  const options: RuleOptions = { acceptedWords: new Set(), dictionaries: [], detector: false, ruleOptions: {}, ...opts };
  const b = block(text);
  rule.block!(b, { model: { source: '', format: 'plaintext', blocks: [b], lines: [], comments: [], lineStarts: [0] }, options, report: (r) => reports.push(r) });
  return reports;
}

describe('rule typo/dictionary', () => {
  it('has the expected metadata', () => {
    assert.equal(rule.meta.id, 'typo/dictionary');
    assert.equal(rule.meta.category, 'typo');
  });

  it('reports an always-wrong form with a safe fix at source offsets', () => {
    const [r, ...rest] = run('认真布署工作');
    assert.equal(rest.length, 0);
    assert.equal(r.start, 12);
    assert.equal(r.end, 14);
    assert.match(r.message, /^“布署”应为“部署”/);
    assert.equal(r.severity, 'error');
    assert.equal(r.safe, true);
    assert.deepEqual(r.fixes, [{ title: '改为“部署”', edits: [{ start: 12, end: 14, newText: '部署' }] }]);
  });

  it('marks conditional entries unsafe and uses their level', () => {
    const [r] = run('截止目前，已完成。');
    assert.equal(r.severity, 'warning');
    assert.equal(r.safe, false);
    assert.match(r.message, /“截止”可能应为“截至”/);
  });

  it('offers one fix per right form', () => {
    const [r] = run('亲眼目睹了全过程');
    assert.equal(r.fixes!.length, 2);
    assert.equal(r.safe, false);
  });

  it('respects accepted words', () => {
    assert.equal(run('认真布署工作', { acceptedWords: new Set(['布署']) }).length, 0);
  });
});
