// structure/attachment-consistency: each attachment page is headed `附件N`
// and its title matches the name given in the 附件说明 (GB/T 9704-2012
// §7.3.4, §7.3.7). Only attachments present in the draft are compared:
// attachments kept in separate files are fine.

import type { Rule } from '../../engine/types';
import { linesOfKind, range, view, type LineView } from './_util';

interface Item {
  n: number | undefined;
  name: string;
}

const norm = (s: string) => s.replace(/[\s\u3000《》〈〉“”"'‘’]/g, '').replace(/[。；，、;,.]+$/, '');
const toAscii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

export const rule: Rule = {
  meta: {
    id: 'structure/attachment-consistency',
    category: 'structure',
    severity: 'warning',
    safeFix: false,
    description: '附件的顺序号和标题应与附件说明一致',
    clause: 'GB/T 9704-2012 §7.3.4、§7.3.7',
    details:
      '附件应当另面编排，“附件”二字及附件顺序号顶格编排在版心左上角第一行，附件标题居中编排在版心第三行。附件顺序号和附件标题应当与附件说明的表述一致；有多个附件时，附件说明和各附件都应标注顺序号。',
    examples: [
      { bad: '附件：1.经费预算表 …… 附件1 经费决算表', good: '附件：1.经费预算表 …… 附件1 经费预算表' },
      { bad: '附件：1.经费预算表 2.人员名单 …… 附件 经费预算表', good: '附件：1.经费预算表 2.人员名单 …… 附件1 经费预算表' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    const noteLines = linesOfKind(model, structure, 'attachmentNote');
    const headers = linesOfKind(model, structure, 'attachmentHeader');
    if (!noteLines.length || !headers.length) return;
    // items of the first 附件说明
    const items: Item[] = [];
    noteLines.forEach((v, i) => {
      let t = v.t;
      if (i === 0) t = t.replace(/^附[ \u3000]*件[ \u3000]*[:：][ \u3000]*/, '');
      else if (/^附[ \u3000]*件/.test(t)) return;
      const m = /^([0-9０-９]{1,2})[ \u3000]*[.．、，,][ \u3000]*(.*)$/.exec(t);
      if (m) items.push({ n: parseInt(toAscii(m[1]), 10), name: norm(m[2]) });
      else if (i === 0) items.push({ n: undefined, name: norm(t) });
    });
    if (!items.length) return;
    const numbered = items.length > 1 || items[0].n !== undefined;
    for (const h of headers) {
      const hm = /^附[ \u3000]*件[ \u3000]*([0-9０-９]{0,2})$/.exec(h.t);
      if (!hm) continue;
      let n = hm[1] ? parseInt(toAscii(hm[1]), 10) : undefined;
      // the number wrapped onto the next line (`附件` / `4`)
      const next = h.index + 1 < model.lines.length ? view(model, h.index + 1).t : '';
      if (n === undefined && /^[0-9０-９]{1,2}$/.test(next)) n = parseInt(toAscii(next), 10);
      if (items.length > 1 && n === undefined) {
        ctx.report({ ...range(h, 0, h.t.length), message: '有多个附件时，应标注附件顺序号，如“附件1”', fixes: [] });
        continue;
      }
      const item = n === undefined ? (numbered ? undefined : items[0]) : items.find((it) => it.n === n);
      if (!item) {
        if (n !== undefined && numbered) {
          ctx.report({ ...range(h, 0, h.t.length), message: `附件说明中没有附件${n}，附件顺序号应与附件说明一致`, fixes: [] });
        }
        continue;
      }
      if (!item.name) continue;
      const candidates = titleAfter(model, structure, h);
      if (!candidates.length) continue;
      if (candidates.some((c) => norm(c.text).startsWith(item.name) || item.name.startsWith(norm(c.text)))) continue;
      // A line that shares little with the name is not the title (the title was left
      // out): report only a title that is recognisably the same one, written differently.
      const best = candidates.reduce((a, b) => (similarity(norm(b.text), item.name) > similarity(norm(a.text), item.name) ? b : a));
      if (similarity(norm(best.text), item.name) < 0.5) continue;
      ctx.report({
        ...best.range,
        message: `附件${n ?? ''}的标题与附件说明中的名称“${item.name}”不一致`,
        fixes: [],
      });
    }
  },
};

/** Dice coefficient of the character bigrams of two strings. */
function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, c] of ga) common += Math.min(c, gb.get(g) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total ? (2 * common) / total : 0;
}

/**
 * Candidates for the attachment's title: the first short line after its header,
 * and that line joined with the lines printed right under it (a title broken
 * over two or three lines).
 */
function titleAfter(
  model: Parameters<NonNullable<Rule['document']>>[0]['model'],
  structure: Parameters<NonNullable<Rule['document']>>[0]['structure'],
  h: LineView,
): Array<{ text: string; range: { start: number; end: number } }> {
  const parts: LineView[] = [];
  for (let i = h.index + 1; i < model.lines.length && parts.length < 3; i++) {
    const k = structure.lineKinds[i];
    if (k !== 'body') break;
    const v = view(model, i);
    if (!parts.length && i === h.index + 1 && /^[0-9０-９]{1,2}$/.test(v.t)) continue; // a wrapped number
    if (!v.t || v.t.length > 40 || /[。；！？]/.test(v.t)) break;
    if (parts.length && v.line.sourceLine !== parts[parts.length - 1].line.sourceLine + 1) break;
    parts.push(v);
  }
  const out: Array<{ text: string; range: { start: number; end: number } }> = [];
  for (let j = 1; j <= parts.length; j++) {
    const first = parts[0];
    const last = parts[j - 1];
    out.push({
      text: parts.slice(0, j).map((p) => p.t).join(''),
      range: { start: range(first, 0, first.t.length).start, end: range(last, 0, last.t.length).end },
    });
  }
  return out;
}
