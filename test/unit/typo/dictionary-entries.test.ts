// Every built-in entry proves itself: its bad examples (or a generated one)
// must produce its finding with its suggestion, its good examples must
// produce no dictionary finding at all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  generatedBadExample,
  getBuiltinDictionary,
  getBuiltinMatcher,
  isConditional,
  type DictEntry,
} from '../../../server/src/engine/dictionary';
import { BUILTIN_FILES } from '../../../server/src/engine/dictionary/builtin';

const dataDir = path.resolve(__dirname, '../../../server/data/dictionary');

describe('built-in typo dictionary', () => {
  it('lists every data file and validates without problems', () => {
    const onDisk = fs.readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort();
    assert.deepEqual(BUILTIN_FILES.map((f) => f.name).sort(), onDisk);
    const { problems, entries } = getBuiltinDictionary();
    assert.deepEqual(problems, []);
    assert.ok(entries.length > 0);
  });

  it('conditional entries carry hand-written bad and good examples', () => {
    const missing = getBuiltinDictionary()
      .entries.filter((e) => isConditional(e) && (e.examples.bad.length === 0 || e.examples.good.length === 0))
      .map((e) => `${e.file}#${e.index} ${e.wrong}`);
    assert.deepEqual(missing, []);
  });

  it('every entry has a known source and a non-empty right form distinct from the wrong one', () => {
    const bad = getBuiltinDictionary()
      .entries.filter((e) => !e.source || e.right.some((r) => !r || r === e.wrong))
      .map((e) => `${e.file}#${e.index} ${e.wrong}`);
    assert.deepEqual(bad, []);
  });

  it('has no duplicate unconditional wrong forms and no one-character wrong forms', () => {
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const e of getBuiltinDictionary().entries) {
      if ([...e.wrong].length < 2) problems.push(`${e.file}#${e.index} one-character wrong form ${e.wrong}`);
      if (isConditional(e)) continue;
      const prev = seen.get(e.wrong);
      if (prev) problems.push(`${e.file}#${e.index} ${e.wrong} duplicates ${prev}`);
      else seen.set(e.wrong, `${e.file}#${e.index}`);
    }
    assert.deepEqual(problems, []);
  });

  it('entries of the project source carry a note and a bad example', () => {
    const missing = getBuiltinDictionary()
      .entries.filter((e) => e.source === 'gongwen' && (!e.note || e.examples.bad.length === 0))
      .map((e) => `${e.file}#${e.index} ${e.wrong}`);
    assert.deepEqual(missing, []);
  });

  const byFile = new Map<string, DictEntry[]>();
  for (const e of getBuiltinDictionary().entries) {
    if (!byFile.has(e.file)) byFile.set(e.file, []);
    byFile.get(e.file)!.push(e);
  }
  for (const [file, entries] of byFile) {
    it(`examples of ${path.basename(file)} (${entries.length} entries)`, () => {
      const matcher = getBuiltinMatcher();
      const failures: string[] = [];
      for (const e of entries) {
        const bads = e.examples.bad.length ? e.examples.bad : [generatedBadExample(e.wrong)];
        for (const s of bads) {
          const hits = matcher.match(s);
          const hit = hits.find((h) => h.entry === e);
          if (!hit) {
            const got = hits.map((h) => `${s.slice(h.start, h.end)}→${h.entry.right.join('|')}`).join(', ') || 'nothing';
            failures.push(`#${e.index} ${e.wrong}: bad example “${s}” gave ${got}`);
          } else if (s.slice(hit.start, hit.end) !== e.wrong) {
            failures.push(`#${e.index} ${e.wrong}: bad example “${s}” matched wrong span`);
          }
        }
        for (const s of e.examples.good) {
          const hits = matcher.match(s);
          if (hits.length) {
            failures.push(
              `#${e.index} ${e.wrong}: good example “${s}” gave ${hits.map((h) => `${s.slice(h.start, h.end)}→${h.entry.right.join('|')}`).join(', ')}`,
            );
          }
        }
        // The suggestion itself must not be flagged.
        for (const r of e.right) {
          const fixed = (e.examples.bad[0] ?? generatedBadExample(e.wrong)).split(e.wrong).join(r);
          const hits = matcher.match(fixed).filter((h) => h.entry === e);
          if (hits.length) failures.push(`#${e.index} ${e.wrong}: corrected text “${fixed}” is still flagged`);
        }
      }
      assert.ok(failures.length === 0, `${failures.length} failing entries in ${file}:\n  ${failures.join('\n  ')}`);
    });
  }
});
