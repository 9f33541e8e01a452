// structure/secrecy-mark: 密级和保密期限 — `绝密`/`机密`/`秘密`, the period
// after a `★` and in Arabic numerals: `机密★5年` (GB/T 9704-2012 §7.2.2;
// 条例 第九条(二)).

import type { Rule } from '../../engine/types';
import { SECRECY_RE, stripPad } from '../../engine/structure-patterns';
import { linesOfKind, range } from './_util';

const CN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** `五` → 5, `十` → 10, `二十` → 20 (periods are short); NaN otherwise. */
function smallNumber(s: string): number {
  if (/^\d+$/.test(s)) return +s;
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || !s) return NaN;
  if (!m[2]) return m[1] && !m[3] ? CN[m[1]] : NaN;
  return (m[1] ? CN[m[1]] : 1) * 10 + (m[3] ? CN[m[3]] : 0);
}

export const rule: Rule = {
  meta: {
    id: 'structure/secrecy-mark',
    category: 'structure',
    severity: 'error',
    safeFix: true,
    description: '密级和保密期限之间用“★”隔开，保密期限用阿拉伯数字',
    clause: 'GB/T 9704-2012 §7.2.2；党政机关公文处理工作条例 第九条（二）',
    details:
      '如需标注密级和保密期限，一般用3号黑体字，顶格编排在版心左上角第二行；保密期限中的数字用阿拉伯数字标注。密级分为“绝密”“机密”“秘密”，与保密期限之间用“★”隔开，如“机密★5年”。',
    examples: [
      { bad: '机密*五年', good: '机密★5年' },
      { bad: '秘密☆1年', good: '秘密★1年' },
    ],
  },
  document(ctx) {
    for (const v of linesOfKind(ctx.model, ctx.structure, 'secrecy')) {
      const m = SECRECY_RE.exec(v.t);
      if (!m || !m[2]) continue;
      const level = m[1];
      const rest = stripPad(m[2]);
      const star = rest[0];
      const period = stripPad(rest.slice(1));
      const pm = /^([0-9一二两三四五六七八九十]+)(年|个月)$/.exec(period);
      const problems: string[] = [];
      if (star !== '★') problems.push(`密级与保密期限之间应用“★”隔开，不用“${star}”`);
      let good: string | undefined;
      if (pm) {
        const n = smallNumber(pm[1]);
        if (!/^\d+$/.test(pm[1])) problems.push('保密期限应使用阿拉伯数字');
        if (Number.isFinite(n)) good = `${level}★${n}${pm[2]}`;
      } else if (period === '启用前' || period === '') {
        good = `${level}★${period}`;
      }
      if (!problems.length && good === v.t) continue;
      if (!problems.length) {
        if (good && good !== v.t) problems.push('密级标志中不应有空格');
        else continue;
      }
      const r = range(v, 0, v.t.length);
      ctx.report({
        ...r,
        message: `密级和保密期限格式不规范：${problems.join('；')}${good ? `，应写作“${good}”` : ''}`,
        fixes: good ? [{ title: `改为“${good}”`, edits: [{ ...r, newText: good }] }] : [],
      });
    }
  },
};
