// Realistic drafts full of structure and document-type mistakes
// (test/fixtures/structure/drafts): every expected finding is found (recall),
// nothing else is reported (false positives), and fix-all leaves no fixable
// finding and is stable.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, fixAll } from '../../../../server/src/engine/index';
import type { Category, DocFormat } from '../../../../server/src/engine/types';

const dir = path.resolve(__dirname, '../../../fixtures/structure/drafts');
const only: Category[] = ['structure', 'doctype'];
/** structure/placeholder belongs to the templates; not counted here. */
const ignore = new Set(['structure/placeholder']);

/** Expected findings per draft: `ruleId text` (text = the source the finding covers). */
const expected: Record<string, string[]> = {
  '通知.md': [
    'structure/doc-number X应急发[2025]第003号',
    'structure/title 。',
    'structure/recipient-colon :',
    'doctype/tongzhi-closing 特此通知！',
    'structure/attachment-note :',
    'structure/attachment-note 、',
    'structure/attachment-note 。',
    'structure/attachment-note 、',
    'structure/attachment-note ；',
    'structure/date-format 2025年05月06日',
    'structure/annotation (此件主动公开)',
    'structure/cc :',
    'structure/cc 厅',
    'structure/date-format 2025.5.6',
  ],
  '请示.txt': [
    'structure/doc-number X区水发〔25〕8号',
    'structure/signer :',
    'doctype/qingshi-single-recipient 区人民政府、区财政局：',
    'doctype/qingshi-closing 特此报告',
    'structure/date-format 二〇二五年六月十日',
  ],
  '报告.md': ['doctype/baogao-no-request 恳请市政府拨付', 'doctype/baogao-no-request 妥否', 'doctype/baogao-no-request 请批示'],
  '函.md': ['structure/recipient-colon :', 'doctype/han-tone 你单位必须', 'doctype/han-tone 务必', 'doctype/han-tone 请遵照执行'],
  '纪要.md': ['doctype/jiyao-attendance :', 'doctype/jiyao-attendance 请假'],
};

const formatOf = (f: string): DocFormat => (f.endsWith('.md') ? 'markdown' : 'plaintext');

describe('structure/doctype rules on realistic drafts', () => {
  let total = 0;
  let hits = 0;
  let falsePositives = 0;

  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: finds exactly the expected mistakes`, () => {
      const src = fs.readFileSync(path.join(dir, file), 'utf8');
      const got = check(src, { format: formatOf(file), only })
        .findings.filter((f) => !ignore.has(f.ruleId))
        .map((f) => `${f.ruleId} ${src.slice(f.start, f.end)}`);
      const missing = want.filter((w) => !got.includes(w));
      const extra = got.filter((g) => !want.includes(g));
      total += want.length;
      hits += want.length - missing.length;
      falsePositives += extra.length;
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
    });

    it(`${file}: fix-all leaves no fixable finding, and a second pass changes nothing`, () => {
      const src = fs.readFileSync(path.join(dir, file), 'utf8');
      const once = fixAll(src, { format: formatOf(file), only }).output;
      const left = check(once, { format: formatOf(file), only }).findings.filter((f) => f.safe);
      assert.deepEqual(left.map((f) => `${f.ruleId} ${once.slice(f.start, f.end)}`), []);
      assert.equal(fixAll(once, { format: formatOf(file), only }).output, once);
    });
  }

  after(() => {
    if (total) console.log(`      drafts: recall ${hits}/${total}, false positives ${falsePositives}`);
  });
});
