import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  canonicalDate,
  docTypeOfValue,
  isCanonicalDate,
  looksLikeOrgList,
  looksLikeSignature,
  parseDocDate,
  stripBookTitles,
  PRINT_LINE_RE,
} from '../../../server/src/engine/structure-patterns';
import type { Rule } from '../../../server/src/engine/types';

describe('structure patterns', () => {
  it('looksLikeOrgList: recipient lists, not sentences', () => {
    assert.ok(looksLikeOrgList('各省、自治区、直辖市人民政府，国务院各部委、各直属机构'));
    assert.ok(looksLikeOrgList('市人民政府'));
    assert.ok(looksLikeOrgList('中共北京市委、北京市人民政府'));
    assert.ok(looksLikeOrgList('{{主送机关}}'));
    assert.ok(!looksLikeOrgList('现将有关情况通报如下'));
    assert.ok(!looksLikeOrgList('会议议定事项'));
    assert.ok(!looksLikeOrgList('请各单位认真落实。'));
  });

  it('looksLikeSignature: organisation names and 职务 + 姓名, not closings', () => {
    assert.ok(looksLikeSignature('国务院办公厅'));
    assert.ok(looksLikeSignature('总　理　　李克强'));
    assert.ok(!looksLikeSignature('特此通知'));
    assert.ok(!looksLikeSignature('此复'));
    assert.ok(!looksLikeSignature('现将有关事项通知如下。'));
    assert.ok(!looksLikeSignature('2024年3月5日'));
  });

  it('docTypeOfValue: front matter values in Chinese and English', () => {
    assert.equal(docTypeOfValue('请示'), '请示');
    assert.equal(docTypeOfValue('会议纪要'), '纪要');
    assert.equal(docTypeOfValue('复函'), '函');
    assert.equal(docTypeOfValue('命令（令）'), '命令');
    assert.equal(docTypeOfValue('letter'), '函');
    assert.equal(docTypeOfValue('Notice'), '通知');
    assert.equal(docTypeOfValue('post'), undefined);
    assert.equal(docTypeOfValue('工作总结'), undefined);
  });

  it('stripBookTitles removes cited titles, nested too', () => {
    assert.equal(stripBookTitles('关于印发《关于〈XX〉的意见》的通知'), '关于印发的通知');
  });

  it('canonical dates', () => {
    assert.equal(canonicalDate(parseDocDate('二〇二五年三月五日')!), '2025年3月5日');
    assert.equal(canonicalDate(parseDocDate('25年3月5日')!), undefined);
    assert.ok(isCanonicalDate('2025年12月31日'));
    assert.ok(!isCanonicalDate('2025年03月05日'));
  });

  it('PRINT_LINE_RE: organ, gap and date of a 印发 line in every date form', () => {
    for (const [line, organ, date] of [
      ['XX市人民政府办公室  2025年3月5日印发', 'XX市人民政府办公室', '2025年3月5日'],
      ['XX市人民政府办公室　2025.3.5印发', 'XX市人民政府办公室', '2025.3.5'],
      ['2025年03月05日印发', '', '2025年03月05日'],
    ]) {
      const m = PRINT_LINE_RE.exec(line);
      assert.ok(m, line);
      assert.equal(m[1], organ);
      assert.equal(m[3], date);
    }
  });
});

describe('structure and doctype rule metadata', () => {
  const repo = path.resolve(__dirname, '../../..');
  for (const cat of ['structure', 'doctype']) {
    const dir = path.join(repo, 'server/src/rules', cat);
    // structure/placeholder belongs to the templates helper
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts') && !x.startsWith('_') && x !== 'placeholder.ts')) {
      it(`${cat}/${f}: complete Chinese metadata with examples and a clause`, () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const rule = require(path.join(dir, f)).rule as Rule;
        const m = rule.meta;
        assert.equal(m.id, `${cat}/${f.slice(0, -3)}`);
        assert.equal(m.category, cat);
        assert.match(m.description, /[\u4e00-\u9fff]/);
        assert.match(m.details ?? '', /[\u4e00-\u9fff]/);
        assert.match(m.clause, /GB\/T|条例|惯例/);
        assert.ok((m.examples ?? []).length > 0, 'examples');
        assert.ok(typeof rule.document === 'function');
      });
    }
  }
});
