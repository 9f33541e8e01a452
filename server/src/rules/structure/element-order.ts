// structure/element-order: the 公文 elements come in the order of
// GB/T 9704-2012 §7: 发文机关署名 before 成文日期 (§7.3.5), 附件 after the
// main text, 版记 (抄送, then 印发机关和印发日期) after the last 附件 (§7.3.7, §7.4).
// Drafts without a 版头 are fine: only elements that are present are compared.

import type { ElementKind, Rule } from '../../engine/types';
import { range, view } from './_util';

const NAMES: Partial<Record<ElementKind, string>> = {
  signature: '发文机关署名',
  date: '成文日期',
  attachmentHeader: '附件',
  cc: '抄送',
  printLine: '印发机关和印发日期',
};

export const rule: Rule = {
  meta: {
    id: 'structure/element-order',
    category: 'structure',
    severity: 'warning',
    safeFix: false,
    description: '公文要素应按规定顺序排列：附件说明在署名之前，署名在成文日期之前，版记在最后一个附件之后',
    clause: 'GB/T 9704-2012 §7.3.5、§7.3.7、§7.4',
    details:
      '附件说明编排在正文之后、发文机关署名之前；发文机关署名编排在成文日期之上；附件应当另面编排，并在版记之前；版记中抄送机关在前，印发机关和印发日期在后，版记位于公文最后一面。',
    examples: [
      { bad: '2025年3月5日\nXX市人民政府', good: 'XX市人民政府\n2025年3月5日' },
      { bad: '抄送：……。\nXX办公室  2025年3月5日印发\n附件1', good: '附件1\n……\n抄送：……。\nXX办公室  2025年3月5日印发' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    const kinds = structure.lineKinds;
    const first = (k: ElementKind) => kinds.indexOf(k);
    const report = (line: number, message: string) => {
      const v = view(model, line);
      ctx.report({ ...range(v, 0, v.t.length), message, fixes: [] });
    };
    // 署名 after 日期
    const date = first('date');
    if (date >= 0 && kinds[date + 1] === 'signature' && kinds[date - 1] !== 'signature') {
      report(date + 1, '发文机关署名应在成文日期之上，不应排在日期之后');
    }
    // 附件说明 after the 署名 or the 成文日期
    const sig = first('signature');
    const closing = [sig, date].filter((x) => x >= 0);
    if (closing.length) {
      const end = Math.min(...closing);
      const note = kinds.findIndex((k, i) => k === 'attachmentNote' && i > end);
      if (note >= 0) report(note, '附件说明应排在正文之后、发文机关署名和成文日期之前');
    }
    // 版记 before an 附件, or 印发 line before 抄送
    const firstRecord = kinds.findIndex((k) => k === 'cc' || k === 'printLine');
    if (firstRecord >= 0) {
      for (let i = firstRecord + 1; i < kinds.length; i++) {
        if (kinds[i] === 'attachmentHeader') {
          report(i, `${NAMES.attachmentHeader}应排在版记（抄送、印发机关和印发日期）之前，版记位于公文最后一面`);
          break;
        }
      }
      const print = first('printLine');
      if (print >= 0) {
        for (let i = print + 1; i < kinds.length; i++) {
          if (kinds[i] === 'cc') {
            report(i, '抄送应排在印发机关和印发日期之上');
            break;
          }
        }
      }
    }
  },
};
