// heading/sequence: the numbering of the 正文 headings (GB/T 9704-2012 §7.3.3:
// 一、 （一） 1. （1） in that order of levels). Under each parent the
// ordinals start at 一 or 1 and run on without gaps or repeats; once a deeper
// level has been used under a parent, a shallower form does not come back
// beneath it (`1.` then `（一）` under the same `一、`). Skipping a level is
// allowed (`一、` then `1.`) unless the document uses the skipped level
// elsewhere. No fix: renumbering is not certain.
//
// A restart at 一 / 1 at the outermost level opens a new section (an
// attachment, an enclosed 方案) and is not reported; an attachment header
// (`附件2`) or a title also resets the numbering.

import type { DocumentContext, HeadingInfo, HeadingStyle, Rule, Severity } from '../../engine/types';
import { spanRange, toChineseNumber } from '../../engine/text';
import { markerText } from './_ordinals';

interface Frame {
  heading: HeadingInfo;
  /** The last child heading seen at each level under this frame. */
  lastChild: Map<number, HeadingInfo>;
  /** The deepest child level used under this frame so far. */
  deepestChild: number;
}

const LEVEL_NAMES = ['', '一、', '（一）', '1.', '（1）'];

function marker(h: HeadingInfo): string {
  return markerText(h.style, h.value);
}

export function checkSequence(ctx: DocumentContext): void {
  const { model, structure } = ctx;
  const headings = structure.headings;
  if (headings.length === 0) return;
  const levelsUsed = new Set(headings.map((h) => h.level));

  const report = (h: HeadingInfo, message: string, severity?: Severity) => {
    const line = model.lines[h.line];
    const { start, end } = spanRange(line, h.markerFrom, h.markerTo);
    ctx.report({ start, end, message, severity });
  };

  // The root frame holds the outermost headings.
  const newRoot = (): Frame => ({ heading: undefined as unknown as HeadingInfo, lastChild: new Map(), deepestChild: 0 });
  let root = newRoot();
  let stack: Frame[] = [];
  let prevLine = -1;
  // The last value seen at each level anywhere in the section: central
  // documents often number a level on across parents (（一）…（二十六）).
  let lastAtLevel = new Map<number, number>();

  const resetLines = new Set<number>();
  structure.lineKinds.forEach((k, i) => {
    if (k === 'attachmentHeader' || k === 'title') resetLines.add(i);
  });

  for (const h of headings) {
    // a reset line between the previous heading and this one starts afresh
    for (let i = prevLine + 1; i < h.line; i++) {
      if (resetLines.has(i)) {
        root = newRoot();
        stack = [];
        lastAtLevel = new Map();
        break;
      }
    }
    prevLine = h.line;
    // a numbered continuation line of the 附件说明 the recogniser did not join
    if (structure.lineKinds[h.line - 1] === 'attachmentNote') continue;

    // close the frames at this level or deeper
    while (stack.length && stack[stack.length - 1].heading.level >= h.level) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : root;
    let prev = parent.lastChild.get(h.level);

    // `…如下：` then `（一）`: a list inside the text starts its own numbering
    if (prev && h.value === 1 && followsLeadIn(ctx, h)) {
      parent.lastChild.clear();
      parent.deepestChild = 0;
      prev = undefined;
    }
    // the ordinal that seems missing may be on a line the recogniser did not
    // take for a heading (`1.2019年9月底前…`): trust the document then
    const expected = prev ? prev.value + 1 : 1;
    const missingWritten = h.value > expected && writtenBetween(ctx, prev?.line ?? parent.heading?.line ?? -1, h, expected);

    if (!prev) {
      if (parent === root && h.value === 1) {
        // fine: the first heading of a (new) section
      } else if (parent.deepestChild > h.level) {
        report(
          h,
          `层次序数颠倒：“${marker(h)}”出现在同一上级下的“${LEVEL_NAMES[parent.deepestChild]}”级之后。` +
            `层次序数依次为“一、”“（一）”“1.”“（1）”，高一级的序号不应在低一级之下再次出现`,
        );
      } else if (h.value !== 1 && h.value !== (lastAtLevel.get(h.level) ?? 0) + 1 && !missingWritten) {
        const first = markerText(h.style, 1);
        report(h, `序号应从“${first}”开始，此处为“${marker(h)}”`);
      } else if (parent !== root && h.level - parent.heading.level > 1 && skippedLevelUsed(parent.heading.level, h.level, levelsUsed)) {
        const skipped = LEVEL_NAMES[parent.heading.level + 1];
        // published documents do this now and then: a hint, not a warning
        report(
          h,
          `层次跳级：“${marker(parent.heading)}”下直接使用“${marker(h)}”，跳过了“${skipped}”一级。` +
            `本文其他部分使用了“${skipped}”一级，层次宜依次为“一、”“（一）”“1.”“（1）”`,
          'info',
        );
      }
    } else if (h.value === prev.value) {
      report(h, `序号重复：“${marker(h)}”已在前面使用，此处应为“${markerText(h.style, prev.value + 1)}”`);
    } else if (h.value > prev.value + 1 && !missingWritten) {
      report(h, `序号不连续：“${marker(prev)}”之后应为“${markerText(h.style, prev.value + 1)}”，此处为“${marker(h)}”`);
    } else if (h.value < prev.value) {
      if (parent === root && h.value === 1) {
        // a restart at the outermost level: a new section (an enclosed 方案, an attachment)
        root = newRoot();
        stack = [];
        lastAtLevel = new Map();
        const frame: Frame = { heading: h, lastChild: new Map(), deepestChild: 0 };
        root.lastChild.set(h.level, h);
        root.deepestChild = h.level;
        stack.push(frame);
        lastAtLevel.set(h.level, h.value);
        continue;
      }
      report(h, `序号顺序错误：“${marker(prev)}”之后应为“${markerText(h.style, prev.value + 1)}”，此处为“${marker(h)}”`);
    }

    parent.lastChild.set(h.level, h);
    lastAtLevel.set(h.level, h.value);
    parent.deepestChild = Math.max(parent.deepestChild, h.level);
    stack.push({ heading: h, lastChild: new Map(), deepestChild: 0 });
  }
}

/** Whether the line before the heading is a text line that leads in a list (ends with a colon). */
function followsLeadIn(ctx: DocumentContext, h: HeadingInfo): boolean {
  const i = h.line - 1;
  if (i < 0 || ctx.structure.lineKinds[i] !== 'body') return false;
  return /[：:][”’"]?$/.test(ctx.model.lines[i].text.trim());
}

/**
 * Loose forms of an ordinal value in a style, at a line start or after a
 * sentence mark (a run-in heading inside a line: `1.公路。（1）国道。`).
 */
function looseMarker(style: HeadingStyle, value: number): RegExp {
  const cn = toChineseNumber(value);
  const at = '(?<=^|[\\s\\u3000。；：！？）])';
  switch (style) {
    case 'chinese':
      return new RegExp(`${at}(第)?${cn}[、.．，,]`);
    case 'chineseParen':
      return new RegExp(`${at}[（(]${cn}[）)]`);
    case 'arabic':
      return new RegExp(`${at}${value}[.．、]`);
    case 'arabicParen':
      return new RegExp(`${at}[（(]${value}[）)]`);
  }
}

/** Whether the expected ordinal is written somewhere from line `from` up to the heading. */
function writtenBetween(ctx: DocumentContext, from: number, h: HeadingInfo, value: number): boolean {
  const re = looseMarker(h.style, value);
  for (let i = Math.max(from, 0); i < h.line; i++) {
    if (re.test(ctx.model.lines[i].text)) return true;
  }
  return false;
}

/** Whether a level strictly between `from` and `to` is used somewhere in the document. */
function skippedLevelUsed(from: number, to: number, used: Set<number>): boolean {
  for (let l = from + 1; l < to; l++) if (used.has(l)) return true;
  return false;
}

export const rule: Rule = {
  meta: {
    id: 'heading/sequence',
    category: 'heading',
    severity: 'warning',
    safeFix: false,
    description: '标题序号连续：从一或1开始，不跳号、不重号，层次不颠倒',
    clause: 'GB/T 9704-2012 §7.3.3',
    details:
      '正文结构层次序数依次用“一、”“（一）”“1.”“（1）”标注（GB/T 9704-2012 §7.3.3）。' +
      '同一上级之下的序号从“一”或“1”开始，连续编排，不跳号、不重号；已经使用了较低层次的序号后，' +
      '同一上级之下不再出现较高层次的序号。只有两个层次时可以跳级（“一、”下直接用“1.”）。' +
      '重新编号无法确定作者意图，因此不提供自动修正。',
    examples: [
      { bad: '一、总体要求 …… 三、保障措施', good: '一、总体要求 …… 二、保障措施' },
      { bad: '（一）加强领导 …… （一）强化保障', good: '（一）加强领导 …… （二）强化保障' },
    ],
  },
  document: checkSequence,
};
