// punctuation/unbalanced: paired marks （）《》“”〔〕〈〉【】 come in pairs
// (GB/T 15834-2011 §4.8–§4.10, §4.15). Checked per block, with two
// allowances that span blocks: a title or parenthesis wrapped across two
// lines (opener left open at the end of one block, closed at the start of the
// next), and a quotation of several paragraphs, where every paragraph opens
// with “ and only the last one closes (§4.8.3).
//
// A document rule, because the allowances look at neighbouring blocks.

import type { DocumentContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';

interface PairKind {
  open: string;
  close: string;
  name: string;
  /** ASCII look-alikes matched with this kind but never reported (punctuation/fullwidth's domain). */
  asciiOpen?: string;
  asciiClose?: string;
}

const KINDS: PairKind[] = [
  { open: '（', close: '）', name: '括号', asciiOpen: '(', asciiClose: ')' },
  { open: '《', close: '》', name: '书名号' },
  { open: '“', close: '”', name: '引号' },
  { open: '〔', close: '〕', name: '六角括号' },
  { open: '〈', close: '〉', name: '单书名号' },
  { open: '【', close: '】', name: '方头括号' },
];
const QUOTE_KIND = 2;

/** How many blocks later a pair may still close: a wrapped title or note, a quotation of several paragraphs. */
const BRACKET_REACH = 8;
const QUOTE_REACH = 60;

interface Unmatched {
  /** Closers with no opener before them, in order. */
  closers: number[];
  /** Openers left open at the end, in order. */
  openers: number[];
}

/** What the cross-block pass needs to know of one block's text. */
interface BlockPairs {
  /** Per kind (KINDS order); undefined when the kind has no unmatched mark in the block. */
  kinds: Array<Unmatched | undefined>;
  /** The block holds an ASCII `"` (its curly quotes are then punctuation/quotes' business). */
  asciiQuote: boolean;
  /** The first non-space character is `“`. */
  opensWithQuote: boolean;
}

const NONE: BlockPairs = { kinds: [], asciiQuote: false, opensWithQuote: false };

/** Kind index × 2 (+1 for a closer) of a paired mark's char code, or -1. */
function markOf(c: number): number {
  switch (c) {
    case 0xff08: // （
    case 0x28: // (
      return 0;
    case 0xff09: // ）
    case 0x29: // )
      return 1;
    case 0x300a: // 《
      return 2;
    case 0x300b: // 》
      return 3;
    case 0x201c: // “
      return 4;
    case 0x201d: // ”
      return 5;
    case 0x3014: // 〔
      return 6;
    case 0x3015: // 〕
      return 7;
    case 0x3008: // 〈
      return 8;
    case 0x3009: // 〉
      return 9;
    case 0x3010: // 【
      return 10;
    case 0x3011: // 】
      return 11;
    default:
      return -1;
  }
}

/** One pass over the text: every kind's unmatched closers and openers. */
function scan(text: string): BlockPairs {
  let kinds: Array<Unmatched | undefined> | undefined;
  let stacks: number[][] | undefined;
  let asciiQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      asciiQuote = true;
      continue;
    }
    const m = markOf(c);
    if (m < 0) continue;
    if (!stacks) {
      stacks = [[], [], [], [], [], []];
      kinds = [undefined, undefined, undefined, undefined, undefined, undefined];
    }
    const k = m >> 1;
    if ((m & 1) === 0) stacks[k].push(i);
    else if (stacks[k].length) stacks[k].pop();
    else (kinds![k] ??= { closers: [], openers: [] }).closers.push(i);
  }
  let opensWithQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // spaces as in isSpace: ASCII space, tab, ideographic space, no-break space
    if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0) continue;
    opensWithQuote = c === 0x201c;
    break;
  }
  if (!stacks) return asciiQuote || opensWithQuote ? { kinds: [], asciiQuote, opensWithQuote } : NONE;
  for (let k = 0; k < 6; k++) if (stacks[k].length) (kinds![k] ??= { closers: [], openers: [] }).openers = stacks[k];
  return { kinds: kinds!, asciiQuote, opensWithQuote };
}

/**
 * Per-block results by block text: a keystroke changes one block, so only
 * that block is scanned again. Bounded; the oldest entries go first.
 */
const MEMO = new Map<string, BlockPairs>();
const MEMO_MAX = 20_000;

function pairsOf(text: string): BlockPairs {
  let r = MEMO.get(text);
  if (r) return r;
  r = scan(text);
  if (MEMO.size >= MEMO_MAX) MEMO.delete(MEMO.keys().next().value!);
  MEMO.set(text, r);
  return r;
}

const EMPTY: number[] = [];

/** `1）`, `a）`, `一）` at the start of a line: an ordinal, not half of a pair. */
function isOrdinalCloser(block: TextBlock, i: number): boolean {
  const line = block.lines.find((l) => i >= l.from && i < l.to) ?? { from: 0, to: block.text.length };
  const head = block.text.slice(line.from, i).trim();
  return /^[0-9A-Za-z一二三四五六七八九十]{1,3}$/.test(head);
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/unbalanced',
    category: 'punctuation',
    severity: 'error',
    safeFix: false,
    description: '括号、书名号、引号、六角括号、方头括号等成对标点应前后配对',
    clause: 'GB/T 15834-2011 §4.8、§4.9、§4.15',
    details:
      '引号、括号、书名号等标号由前后两部分组成，应成对使用。缺少前一半或后一半时提示，需人工补全，不自动修改。' +
      '跨行的标题（前一行开、后一行合）和分段引文（每段开头用前引号，最后一段末尾才用后引号）不报。',
    examples: [
      { bad: '根据《中华人民共和国预算法规定', good: '根据《中华人民共和国预算法》规定' },
      { bad: '（二）完善机制（试行', good: '（二）完善机制（试行）' },
    ],
  },
  document(ctx: DocumentContext) {
    const blocks = ctx.model.blocks;
    const pairs = blocks.map((b) => pairsOf(b.text));
    KINDS.forEach((kind, k) => {
      const isQuote = k === QUOTE_KIND;
      const reach = isQuote ? QUOTE_REACH : BRACKET_REACH;
      /** Openers still open, across blocks: [block index, text index]. */
      const stack: Array<[number, number]> = [];
      // quotation marks are not wrapped in quotation marks: 前引号“没有对应的后引号”
      const q = (ch: string) => (isQuote ? ch : `“${ch}”`);
      const missingClose = `前${kind.name}${q(kind.open)}没有对应的后${kind.name}${q(kind.close)}，成对标点应前后配对`;
      const missingOpen = `后${kind.name}${q(kind.close)}没有对应的前${kind.name}${q(kind.open)}，成对标点应前后配对`;
      const reportAt = (bi: number, i: number, message: string) => {
        const { start, end } = spanRange(blocks[bi], i, i + 1);
        ctx.report({ start, end, message });
      };
      const reportOpener = ([bi, i]: [number, number]) => {
        if (blocks[bi].text[i] === kind.open) reportAt(bi, i, missingClose);
      };
      for (let bi = 0; bi < blocks.length; bi++) {
        const p = pairs[bi];
        // ASCII " in a block makes its curly quotes punctuation/quotes' business.
        if (isQuote && p.asciiQuote) continue;
        // A quotation of several paragraphs: each paragraph opens with “ again, only the last one closes.
        if (isQuote && p.opensWithQuote) {
          const top = stack[stack.length - 1];
          if (top && bi - top[0] <= reach) stack.pop();
        }
        const u = p.kinds[k];
        if (!u) continue;
        const block = blocks[bi];
        for (const i of u.closers) {
          const top = stack[stack.length - 1];
          if (top && bi - top[0] <= reach) {
            stack.pop(); // opened in an earlier block: a wrapped line or a quotation of several paragraphs
            continue;
          }
          if (block.text[i] !== kind.close) continue;
          if (kind.close === '）' && isOrdinalCloser(block, i)) continue;
          reportAt(bi, i, missingOpen);
        }
        for (const i of u.openers ?? EMPTY) stack.push([bi, i]);
      }
      stack.forEach(reportOpener);
    });
  },
};
