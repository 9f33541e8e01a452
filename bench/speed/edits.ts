// The seeded one-character edits of the typing benchmarks (in-process and
// through the server): a character inserted at a random place.

export interface OneCharEdit {
  offset: number;
  insert: string;
}

export function* edits(text: string, count: number, seed = 20251125): Generator<OneCharEdit> {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
  const chars = '的了是在和一，。要';
  let length = text.length;
  for (let k = 0; k < count; k++) {
    let offset = Math.floor(rnd() * (length + 1));
    const c = text.charCodeAt(offset);
    if (c >= 0xdc00 && c <= 0xdfff) offset--; // never split a surrogate pair
    const insert = chars[Math.floor(rnd() * chars.length)];
    yield { offset, insert };
    text = text.slice(0, offset) + insert + text.slice(offset);
    length = text.length;
  }
}
