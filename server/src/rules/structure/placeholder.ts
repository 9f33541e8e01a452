// structure/placeholder: text a template or a drafter left to be filled in:
// `××`, `XX` used as a placeholder, an empty `〔 〕`, `待定` / `待核实` as the
// value of a field, and template markers `{{…}}` / `${…}`. A draft must not
// go out with any of them (条例 第二十条: a 公文 is checked before it is
// signed, 内容 and 格式 complete). Warning, no fix: only the drafter knows
// what belongs there.
//
// False alarms avoided: `××` inside quotation marks describes a format
// (`“×××人民政府”字样`); `XX` next to Latin letters or digits is a code or a
// size (`XXL`); `待定` in running text (`时间待定` inside a sentence is
// reported only when it is a field's value: after a colon, alone in
// brackets, or a whole line or table cell).

import type { Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';

const CLAUSE = '《党政机关公文处理工作条例》第二十条；GB/T 9704-2012 §7';

interface Hit {
  from: number;
  to: number;
  message: string;
}

const TEMPLATE_MARKER = /\{\{[^{}\n]{0,60}\}\}|\$\{[^{}\n]{0,60}\}/g;
const CROSSES = /[×ⅹ╳]{2,}|[XＸ]{2,}|[xｘ]{2,}/g;
const EMPTY_BRACKETS = /〔[ \u3000]*〕|〔[ \u3000]*[×xX]*[ \u3000]*〕/g;
const PENDING = /待定|待核实|待补充|待确认|待填写?/g;
/** Every placeholder above contains one of these characters: most blocks have none and are skipped at once. */
const TRIGGER = /[{$〔×ⅹ╳XＸxｘ待]/;

function isAsciiAlnum(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z0-9]/.test(ch);
}

function isHanOrCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e) || '“”‘’'.includes(ch);
}

/** Index ranges of text inside “…” quotation marks (a format or a form quoted, not a placeholder). */
function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '“') open = i;
    else if (text[i] === '”' && open >= 0) {
      out.push([open, i]);
      open = -1;
    }
  }
  return out;
}

/** The line (within the block) that holds index i. */
function lineOf(block: TextBlock, i: number): { from: number; to: number } {
  for (const l of block.lines) if (i >= l.from && i < l.to) return l;
  return { from: 0, to: block.text.length };
}

/** Whether `待定` at [from, to) stands as a field's value rather than inside a sentence. */
function isFieldValue(block: TextBlock, from: number, to: number): boolean {
  const text = block.text;
  const line = block.kind === 'tableCell' ? { from: 0, to: text.length } : lineOf(block, from);
  const pad = /[ \u3000\t]/;
  let b = from;
  while (b > line.from && pad.test(text[b - 1])) b--;
  let a = to;
  while (a < line.to && pad.test(text[a])) a++;
  const before = b > line.from ? text[b - 1] : '';
  const after = a < line.to ? text[a] : '';
  // alone on its line or in its cell
  if (!before && (!after || /[。；;，,]/.test(after) && a + 1 >= line.to)) return true;
  // in brackets of its own: （待定） (待定) 〔待定〕 【待定】
  if (/[（(〔【［\[]/.test(before) && /[）)〕】］\]]/.test(after)) return true;
  // after a field label's colon, up to the end of the clause: 时间：待定。 / 地点：待定；
  if (/[：:]/.test(before) && (!after || /[。；;，,）)]/.test(after))) return true;
  return false;
}

export function findPlaceholders(block: TextBlock): Hit[] {
  const text = block.text;
  if (!TRIGGER.test(text)) return [];
  const hits: Hit[] = [];
  const taken: Array<[number, number]> = [];
  const free = (from: number, to: number) => !taken.some(([s, e]) => from < e && s < to);
  const add = (from: number, to: number, message: string) => {
    if (!free(from, to)) return;
    taken.push([from, to]);
    hits.push({ from, to, message });
  };
  let quoted: Array<[number, number]> | undefined;
  const inQuotes = (i: number) => (quoted ??= quotedRanges(text)).some(([s, e]) => i > s && i < e);

  for (const m of text.matchAll(TEMPLATE_MARKER)) {
    const from = m.index!;
    add(from, from + m[0].length, `模板占位符“${m[0]}”尚未替换，请填写实际内容`);
  }
  for (const m of text.matchAll(EMPTY_BRACKETS)) {
    const from = m.index!;
    add(from, from + m[0].length, `六角括号“${m[0]}”内应填写发文年份（4位阿拉伯数字），如“〔2025〕”`);
  }
  for (const m of text.matchAll(CROSSES)) {
    const from = m.index!;
    const to = from + m[0].length;
    const latin = /[XxＸｘ]/.test(m[0]);
    if (latin) {
      // `XXL`, `xx.com`, `0xFF`: part of a Latin word or a code
      if (isAsciiAlnum(text[from - 1]) || isAsciiAlnum(text[to])) continue;
      if (!isHanOrCjk(text[from - 1]) && !isHanOrCjk(text[to])) continue;
    }
    if (inQuotes(from)) continue;
    add(from, to, `“${m[0]}”是未填写的占位内容，请填写实际内容`);
  }
  for (const m of text.matchAll(PENDING)) {
    const from = m.index!;
    const to = from + m[0].length;
    if (!isFieldValue(block, from, to)) continue;
    add(from, to, `“${m[0]}”是尚未确定的内容，定稿前请填写实际内容`);
  }
  return hits.sort((a, b) => a.from - b.from);
}

export const rule: Rule = {
  meta: {
    id: 'structure/placeholder',
    category: 'structure',
    severity: 'warning',
    safeFix: false,
    description: '草稿中遗留的占位内容：××、XX、〔 〕、待定、模板占位符',
    clause: CLAUSE,
    details:
      '模板和草稿中用于占位的内容在定稿前必须替换为实际内容：“××”“XX”，空的六角括号“〔 〕”，' +
      '作为字段值的“待定”“待核实”“待补充”（如“时间：待定”“（待定）”），以及模板标记“{{…}}”“${…}”。' +
      '引号中的“×××”（如说明格式的“‘×××人民政府’字样”）和正文句子中的“待定”不报。只有起草人知道应填写什么，因此不提供自动修正。',
    examples: [
      { bad: '××市人民政府办公室', good: '杭州市人民政府办公室' },
      { bad: '浙政办发〔 〕12号', good: '浙政办发〔2025〕12号' },
      { bad: '会议地点：待定。', good: '会议地点：市政府第一会议室。' },
    ],
  },
  block(block, ctx) {
    for (const hit of findPlaceholders(block)) {
      const { start, end } = spanRange(block, hit.from, hit.to);
      ctx.report({ start, end, message: hit.message });
    }
  },
};
