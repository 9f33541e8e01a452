// heading/trailing-punct: a heading that stands on its own line ends without
// a mark (`一、总体要求`, not `一、总体要求。`); a heading run into its paragraph
// (`（一）加强领导。各地要……`) ends with 。 and is not touched.
//
// To stay clear of one-sentence items and enumerations, a heading is taken as
// standing on its own only when: its text is a short phrase with no inner
// sentence punctuation; it is the last line of its block (in Markdown a soft
// line break continues the paragraph, i.e. a run-in heading); something
// follows beneath it (a body paragraph or a deeper heading); and neither
// neighbour is a heading of the same form that also ends with a mark (the
// items of a list such as `（1）组织领导；` `（2）经费保障。`).

import type { DocumentContext, HeadingInfo, Rule } from '../../engine/types';
import { spanRange } from '../../engine/text';

const TRAILING = /[。：；，:;,]$/;
/** Marks that never end a heading standing on its own line. */
const SURE = /[；，;,]/;
/** Punctuation inside the text that makes it a sentence rather than a heading. */
const INNER = /[。！？；：，!?;:,]/;
/** Lead-ins of a list (`主要内容如下：`) legitimately end with a colon. */
const LEAD_IN = /(如下|以下|下列|包括|有|是|为|要求|规定|明确)[:：]$/;
const MAX_LENGTH = 30;

function headingText(ctx: DocumentContext, h: HeadingInfo): { text: string; from: number } {
  const line = ctx.model.lines[h.line].text;
  let from = h.markerTo;
  while (from < line.length && /[\s\u3000]/.test(line[from])) from++;
  let to = line.length;
  while (to > from && /[\s\u3000]/.test(line[to - 1])) to--;
  return { text: line.slice(from, to), from };
}

export function checkTrailingPunct(ctx: DocumentContext): void {
  const { model, structure } = ctx;
  const byLine = new Map<number, HeadingInfo>();
  for (const h of structure.headings) byLine.set(h.line, h);
  const endsWithMark = (h: HeadingInfo | undefined) => !!h && TRAILING.test(headingText(ctx, h).text);

  for (const h of structure.headings) {
    const { text, from } = headingText(ctx, h);
    if (!TRAILING.test(text)) continue;
    const body = text.slice(0, -1);
    if (!body || body.length > MAX_LENGTH || INNER.test(body)) continue;
    const mark = text[text.length - 1];
    if ((mark === '：' || mark === ':') && (LEAD_IN.test(text) || h.level > 2)) continue;
    // below the first level a heading with 。 is usually a run-in heading set on its own line
    if ((mark === '。' || mark === '.') && h.level > 1) continue;

    const line = model.lines[h.line];
    const next = model.lines[h.line + 1];
    // a soft line break in a Markdown paragraph: the heading runs into its text
    if (!next || next.block === line.block) continue;
    const nextKind = structure.lineKinds[h.line + 1];
    const nextHeading = byLine.get(h.line + 1);
    if (nextKind === 'heading') {
      if (!nextHeading || nextHeading.level <= h.level) continue; // an item of a list, or nothing beneath it
    } else if (nextKind !== 'body') continue;
    const prevHeading = byLine.get(h.line - 1);
    if (prevHeading && prevHeading.style === h.style && endsWithMark(prevHeading)) continue;

    const at = from + text.length - 1;
    const { start, end } = spanRange(line, at, at + 1);
    const shown = `${text.slice(0, 12)}${text.length > 12 ? '…' : ''}`;
    const fixes = [{ title: `删去末尾的“${mark}”`, edits: [{ start, end, newText: '' }] }];
    if (SURE.test(mark)) {
      ctx.report({ start, end, message: `单独成行的标题末尾不加标点：删去“${shown}”末尾的“${mark}”`, fixes });
    } else {
      // 。 may mark a run-in heading whose paragraph was put on the next line,
      // and ： a lead-in; published documents do both: a hint, never fix-all.
      const hint =
        mark === '。' || mark === '.'
          ? '如为与正文连排的标题，应与正文写在同一段'
          : '如为引出下文的句子，可保留';
      ctx.report({
        start,
        end,
        message: `单独成行的标题末尾一般不加标点，可删去“${shown}”末尾的“${mark}”；${hint}`,
        fixes,
        severity: 'info',
        safe: false,
      });
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'heading/trailing-punct',
    category: 'heading',
    severity: 'warning',
    safeFix: true,
    description: '单独成行的标题末尾不加标点',
    clause: 'GB/T 9704-2012 §7.3.3；GB/T 15834-2011 附录B.3',
    details:
      '单独成行的层次标题（如“一、总体要求”）末尾不加句号、冒号、分号或逗号。末尾的分号、逗号报警告并可一键删去；' +
      '末尾的句号（仅一级标题）和冒号（一、二级标题）只作提示（info），不自动修正：句号可能表示作者本想与正文连排，冒号可能引出下文。' +
      '与正文连排的标题（如“（一）加强组织领导。各地区要……”）以句号结尾，不在检查之列。' +
      '列举项（如“（1）组织领导；”“（2）经费保障。”）和引出下文的句子（如“主要内容如下：”）也不检查。',
    examples: [
      { bad: '一、总体要求。', good: '一、总体要求' },
      { bad: '（二）工作目标：', good: '（二）工作目标' },
    ],
  },
  document: checkTrailingPunct,
};
