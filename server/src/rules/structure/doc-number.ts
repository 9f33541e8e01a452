// structure/doc-number: 发文字号 = 机关代字 + 年份 + 发文顺序号. The year is
// written in full and enclosed in 六角括号〔〕; the serial number has no 第
// and no leading zeros (虚位); it ends with 号 (GB/T 9704-2012 §7.2.5).
// 令号 of a 命令 (`第704号`, §10.2) is a different element and is left alone.

import type { Rule } from '../../engine/types';
import { DOC_NUMBER_RE } from '../../engine/structure-patterns';
import { linesOfKind, range } from './_util';

const toAscii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

export const rule: Rule = {
  meta: {
    id: 'structure/doc-number',
    category: 'structure',
    severity: 'error',
    safeFix: true,
    description: '发文字号的年份用六角括号“〔〕”括入并写全，顺序号不加“第”、不编虚位',
    clause: 'GB/T 9704-2012 §7.2.5',
    details:
      '发文字号由发文机关代字、年份、发文顺序号组成。年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号”。命令（令）的令号“第N号”不在此列。',
    examples: [
      { bad: '国办发[2024]第012号', good: '国办发〔2024〕12号' },
      { bad: '国办发（2024）12号', good: '国办发〔2024〕12号' },
    ],
  },
  document(ctx) {
    for (const v of linesOfKind(ctx.model, ctx.structure, 'docNumber')) {
      const m = DOC_NUMBER_RE.exec(v.t);
      if (!m) continue; // 令号 or something else
      const [, prefix, open, year, close, di, serial] = m;
      // the 文号 part ends at 号 (a 签发人 part may follow)
      const numberEnd = m[7] ? v.t.lastIndexOf('号', v.t.indexOf(m[7])) + 1 : v.t.length;
      const numberText = v.t.slice(0, numberEnd);
      const problems: string[] = [];
      if (open !== '〔' || close !== '〕') problems.push(`年份应使用六角括号“〔〕”括入，不用“${open}${close}”`);
      const shortYear = year.length !== 4;
      if (shortYear) problems.push(`年份应标全称（4位），不应简写为“${year}”`);
      if (di) problems.push('发文顺序号前不加“第”');
      const serialNum = toAscii(serial).replace(/^0+/, '');
      if (/^[0０]/.test(serial) && serialNum) problems.push(`发文顺序号不编虚位，“${serial}”应写作“${serialNum}”`);
      if (serial !== toAscii(serial)) problems.push('发文顺序号应使用半角阿拉伯数字');
      if (year !== toAscii(year)) problems.push('年份应使用半角阿拉伯数字');
      const canonicalCore = `${prefix}〔${toAscii(year)}〕${serialNum}号`;
      const spacesOnly = !problems.length && numberText !== canonicalCore;
      if (spacesOnly) problems.push('发文字号中间不应有空格');
      if (!problems.length) continue;
      const r = range(v, 0, numberEnd);
      const fixable = serialNum !== '' && canonicalCore !== numberText;
      ctx.report({
        ...r,
        message: shortYear
          ? `发文字号格式不规范：${problems.join('；')}。年份请补全后写作“${prefix}〔YYYY〕${serialNum || 'N'}号”`
          : `发文字号格式不规范：${problems.join('；')}。应写作“${canonicalCore}”`,
        fixes: fixable ? [{ title: `改为“${canonicalCore}”`, edits: [{ ...r, newText: canonicalCore }] }] : [],
        // A two-digit year stays as written: the fix corrects the rest only.
        safe: fixable,
        ...(spacesOnly ? { severity: 'warning' as const } : {}),
      });
    }
  },
};
