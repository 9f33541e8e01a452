// Breaking a long title into lines (GB/T 9704-2012 §7.3.1): 标题回行时，要做到
// 词意完整，排列对称，长短适宜，间距恰当；标题排列应当使用梯形或菱形。
// A 二号 (22pt) line holds 20 characters in the 156 mm type area.

/** Width in full-width character units: ASCII and half-width characters count half. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0020-\u007e\uff61-\uff9f]/.test(ch) ? 0.5 : 1;
  return w;
}

const OPENERS = '《〈（(“‘〔【「';
const CLOSERS = '》〉）)”’〕】」';
/** Characters that may not begin a line. */
const NO_START = '、，。；：！？》〉）)”’〕】」·…—';
const DOC_TYPE_END = /^的?(决议|决定|命令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|纪要|函|复函|实施方案|方案|规定|办法)$/;

/** Cost of breaking before index k (0 < k < text.length); Infinity where a break is not allowed. */
function breakCost(text: string, k: number, depthAt: number[]): number {
  const a = text[k - 1];
  const b = text[k];
  if (NO_START.includes(b) || OPENERS.includes(a)) return Infinity;
  if (/[A-Za-z0-9]/.test(a) && /[A-Za-z0-9]/.test(b)) return Infinity;
  let cost = 8; // between two characters of unknown words
  if (depthAt[k] > 0) cost += 30; // inside 《》 or （）
  const before = text.slice(0, k);
  const after = text.slice(k);
  if (/关于$/.test(before)) cost = 0;
  else if (/^关于/.test(after)) cost = 1;
  else if (/(印发|转发|批转|公布)$/.test(before) && /^[《〈]/.test(after)) cost = 0;
  else if (CLOSERS.includes(a)) cost = depthAt[k] > 0 ? cost : 1;
  else if (/[、，]$/.test(before)) cost = 1;
  else if (DOC_TYPE_END.test(after) && after.length <= 4) cost = 3;
  else if (/^的/.test(after)) cost = 4;
  else if (/[\u4e00-\u9fff]/.test(a) !== /[\u4e00-\u9fff]/.test(b)) cost = 3; // Han | digits or Latin
  else if (/的$/.test(before)) cost = 5;
  return cost;
}

function bracketDepths(text: string): number[] {
  const depth: number[] = new Array(text.length + 1).fill(0);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    depth[i] = d;
    if (OPENERS.includes(text[i])) d++;
    else if (CLOSERS.includes(text[i])) d = Math.max(0, d - 1);
  }
  depth[text.length] = d;
  // depth[k] = depth before text[k]; a break before k is inside brackets when depth[k] > 0
  return depth;
}

/**
 * Break a title into lines of at most `max` characters: fewest lines, breaks
 * between words (after 关于, around 《》, before 的通知 …), lengths balanced in
 * a trapezoid (two lines) or diamond (three lines, the middle one longest).
 */
export function breakTitle(title: string, max = 20): string[] {
  const text = title.trim();
  const total = textWidth(text);
  if (total <= max) return [text];
  const n = Math.ceil(total / max);
  const depth = bracketDepths(text);
  const costs: number[] = [];
  for (let k = 1; k < text.length; k++) costs[k] = breakCost(text, k, depth);

  let best: { cost: number; cuts: number[] } | undefined;
  const consider = (cuts: number[]) => {
    const bounds = [0, ...cuts, text.length];
    const widths: number[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) widths.push(textWidth(text.slice(bounds[i], bounds[i + 1])));
    if (widths.some((w) => w > max || w === 0)) return;
    let cost = cuts.reduce((s, k) => s + costs[k], 0);
    if (!Number.isFinite(cost)) return;
    const mean = total / widths.length;
    cost += widths.reduce((s, w) => s + ((w - mean) * (w - mean)) / 4, 0);
    if (widths.length === 3 && !(widths[1] >= widths[0] && widths[1] >= widths[2])) cost += 6; // diamond
    if (!best || cost < best.cost) best = { cost, cuts };
  };
  for (let lines = n; lines <= n + 1 && !best; lines++) {
    if (lines === 2) for (let k = 1; k < text.length; k++) consider([k]);
    else if (lines === 3) for (let k = 1; k < text.length; k++) for (let j = k + 1; j < text.length; j++) consider([k, j]);
    else break;
  }
  if (!best) return greedy(text, max);
  const out: string[] = [];
  let from = 0;
  for (const k of best.cuts) {
    out.push(text.slice(from, k));
    from = k;
  }
  out.push(text.slice(from));
  return out;
}

function greedy(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (textWidth(line + ch) > max && line && !NO_START.includes(ch)) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}
