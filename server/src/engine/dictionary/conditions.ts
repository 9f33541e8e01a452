// Context conditions evaluated only at a match site: literal strings or
// one-character classes, never a regular expression over the text.

/** A compiled condition item. */
export type CondItem =
  | { kind: 'literal'; text: string }
  | { kind: 'class'; negated: boolean; ranges: number[] /* pairs lo,hi of code points */ }
  | { kind: 'edge' };

export interface CompiledCondition {
  items: CondItem[];
}

/** Parse one condition item; returns an error message (Chinese) on bad syntax. */
export function parseCondItem(raw: string, side: 'before' | 'after'): CondItem | string {
  if (raw.length === 0) return '条件项不能为空字符串';
  if ((side === 'before' && raw === '^') || (side === 'after' && raw === '$')) return { kind: 'edge' };
  if (raw.length >= 2 && raw[0] === '[' && raw[raw.length - 1] === ']') {
    return parseClass(raw);
  }
  return { kind: 'literal', text: raw };
}

function parseClass(raw: string): CondItem | string {
  const body = Array.from(raw.slice(1, -1));
  let i = 0;
  let negated = false;
  if (body[0] === '^') {
    negated = true;
    i = 1;
  }
  const ranges: number[] = [];
  const readChar = (): number | string => {
    const c = body[i++];
    if (c === '\\') {
      const n = body[i++];
      if (n === undefined) return `字符类“${raw}”以反斜杠结尾`;
      if (n === 'd') return -1; // marker for \d
      return n.codePointAt(0)!;
    }
    return c.codePointAt(0)!;
  };
  if (i >= body.length) return `字符类“${raw}”为空`;
  while (i < body.length) {
    const lo = readChar();
    if (typeof lo === 'string') return lo;
    if (lo === -1) {
      ranges.push(0x30, 0x39, 0xff10, 0xff19);
      continue;
    }
    if (body[i] === '-' && i + 1 < body.length) {
      i++;
      const hi = readChar();
      if (typeof hi === 'string') return hi;
      if (hi === -1 || hi < lo) return `字符类“${raw}”中的范围无效`;
      ranges.push(lo, hi);
    } else {
      ranges.push(lo, lo);
    }
  }
  return { kind: 'class', negated, ranges };
}

export function compileCondition(list: readonly string[], side: 'before' | 'after'): CompiledCondition | string {
  const items: CondItem[] = [];
  for (const raw of list) {
    const item = parseCondItem(raw, side);
    if (typeof item === 'string') return item;
    items.push(item);
  }
  return { items };
}

function classHas(item: { negated: boolean; ranges: number[] }, cp: number): boolean {
  let inside = false;
  for (let k = 0; k < item.ranges.length; k += 2) {
    if (cp >= item.ranges[k] && cp <= item.ranges[k + 1]) {
      inside = true;
      break;
    }
  }
  return item.negated ? !inside : inside;
}

/** Code point that ends just before `pos`, or -1 at the start. */
function codePointBefore(text: string, pos: number): number {
  if (pos <= 0) return -1;
  const lo = text.charCodeAt(pos - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && pos >= 2) {
    const hi = text.charCodeAt(pos - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** Whether any item of the condition holds directly before `pos`. */
export function holdsBefore(cond: CompiledCondition, text: string, pos: number): boolean {
  for (const item of cond.items) {
    if (item.kind === 'edge') {
      if (pos === 0) return true;
    } else if (item.kind === 'literal') {
      if (pos >= item.text.length && text.startsWith(item.text, pos - item.text.length)) return true;
    } else {
      const cp = codePointBefore(text, pos);
      if (cp >= 0 && classHas(item, cp)) return true;
    }
  }
  return false;
}

/** Whether any item of the condition holds directly after `pos`. */
export function holdsAfter(cond: CompiledCondition, text: string, pos: number): boolean {
  for (const item of cond.items) {
    if (item.kind === 'edge') {
      if (pos >= text.length) return true;
    } else if (item.kind === 'literal') {
      if (text.startsWith(item.text, pos)) return true;
    } else {
      if (pos < text.length) {
        const cp = text.codePointAt(pos)!;
        if (classHas(item, cp)) return true;
      }
    }
  }
  return false;
}
