// punctuation/semicolon-after-period: when an item of a list already holds a
// 句号 inside, the items end with 句号, not 分号 (GB/T 15834-2011 附录A A.5).
// Reported per block (a plain-text line, a Markdown paragraph or list item)
// that ends with `；` and has a `。` before it.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { editFor } from './_util';

function check(block: TextBlock, ctx: BlockContext): void {
  // The item is the block: a plain-text line, a Markdown paragraph or list item
  // (the lines of a Markdown paragraph are soft-wrapped, not items).
  const text = block.text;
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (end === 0 || text[end - 1] !== '；') return;
  const body = text.slice(0, end - 1);
  const stop = body.lastIndexOf('。');
  if (stop < 0) return;
  // a 。 inside quotes or brackets belongs to the quotation, not to the item
  const before = body.slice(0, stop);
  const opens = (before.match(/[“（《]/g) ?? []).length;
  const closes = (before.match(/[”）》]/g) ?? []).length;
  if (opens > closes) return;
  const i = end - 1;
  const { start, end: e } = spanRange(block, i, i + 1);
  const edit = editFor(block, ctx.model, i, i + 1, '。');
  ctx.report({
    start,
    end: e,
    message: '分项内已使用句号，各项末尾应使用句号“。”，不用分号“；”',
    fixes: edit ? [{ title: '改为“。”', edits: [edit] }] : undefined,
  });
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/semicolon-after-period',
    category: 'punctuation',
    severity: 'warning',
    safeFix: false,
    description: '分项内已有句号时，各项末尾用句号而不用分号',
    clause: 'GB/T 15834-2011 附录A A.5',
    details:
      '分项列举的各项中有一项或多项已包含句号时，各项的末尾不能再用分号，应统一用句号。' +
      '本规则提示已含句号却以分号结尾的分项；同一列表的其他分项需一并修改，因此不自动修改。',
    examples: [{ bad: '（一）加强领导。明确责任分工；', good: '（一）加强领导。明确责任分工。' }],
  },
  block: check,
};
