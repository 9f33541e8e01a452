// structure/attachment-note: 附件说明 — `附件：` with a full-width colon;
// several attachments numbered `1.` `2.` in order; no punctuation after an
// attachment's name (GB/T 9704-2012 §7.3.4).

import type { Rule } from '../../engine/types';
import { linesOfKind, range, replaceFix, type LineView } from './_util';

/** An item number at the start of a text: `1.`, `1．`, `1、`, `1，`. */
const ITEM = /^([0-9０-９]{1,2})[ \u3000]*([.．、，,])/;

export const rule: Rule = {
  meta: {
    id: 'structure/attachment-note',
    category: 'structure',
    severity: 'error',
    safeFix: true,
    description: '附件说明：“附件”后用全角冒号，多个附件用“1.”“2.”依次标注，附件名称后不加标点',
    clause: 'GB/T 9704-2012 §7.3.4',
    details:
      '公文如有附件，在正文下空一行左空二字编排“附件”二字，后标全角冒号和附件名称。如有多个附件，使用阿拉伯数字标注附件顺序号（如“附件：1. XXXXX”）；附件名称后不加标点符号。附件名称较长需回行时，应当与上一行附件名称的首字对齐。',
    examples: [
      { bad: '附件:1、经费预算表。', good: '附件：1.经费预算表' },
      { bad: '附件：1.经费预算表；', good: '附件：1.经费预算表' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    const all = linesOfKind(model, structure, 'attachmentNote');
    // group into notes: a note starts at a `附件` line
    const notes: LineView[][] = [];
    for (const v of all) {
      if (/^附[ \u3000]*件/.test(v.t) || !notes.length) notes.push([v]);
      else notes[notes.length - 1].push(v);
    }
    for (const note of notes) {
      const head = note[0];
      const cm = /^附[ \u3000]*件[ \u3000]*([:：])[ \u3000]*/.exec(head.t);
      if (!cm) continue;
      if (cm[1] === ':') {
        const i = head.t.indexOf(':');
        ctx.report({ ...range(head, i, i + 1), message: '“附件”后应使用全角冒号“：”', fixes: [replaceFix(head, i, i + 1, '：')] });
      }
      // items: the rest of the first line, then each continuation line
      const items: Array<{ v: LineView; from: number }> = [{ v: head, from: cm[0].length }, ...note.slice(1).map((v) => ({ v, from: 0 }))];
      const numbered = items.filter(({ v, from }) => ITEM.test(v.t.slice(from)));
      let expected = 1;
      for (const { v, from } of items) {
        const text = v.t.slice(from);
        if (!text) continue;
        const im = ITEM.exec(text);
        if (im) {
          const n = parseInt(im[1].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)), 10);
          const markAt = from + im[0].length - 1;
          if (im[2] === '、' || im[2] === '，' || im[2] === ',') {
            ctx.report({
              ...range(v, markAt, markAt + 1),
              message: `附件顺序号后应使用下脚点“.”，写作“${n}.”，不用“${im[2]}”`,
              fixes: [replaceFix(v, markAt, markAt + 1, '.')],
            });
          }
          if (n !== expected && numbered.length > 1) {
            ctx.report({
              ...range(v, from, from + im[1].length),
              severity: 'warning',
              message: `附件顺序号应依次编排，此处应为“${expected}”`,
              fixes: [],
            });
          }
          expected = n + 1;
        }
        const pm = /[。；，、;,.]+$/.exec(text);
        if (pm && !(im && pm.index + from === from + im[0].length - 1)) {
          const s = from + pm.index;
          ctx.report({
            ...range(v, s, v.t.length),
            message: `附件名称后不加标点符号，应删去“${pm[0]}”`,
            fixes: [replaceFix(v, s, v.t.length, '', `删去“${pm[0]}”`)],
          });
        }
      }
    }
  },
};
