#!/usr/bin/env node
// Derive wrong forms of fixed expressions (成语) systematically, then review
// them automatically. Writes scripts/dictionary/src/derived-idioms.tsv (read by
// build.mjs like any other source) and a review log.
//
//   node scripts/dictionary/derive.mjs [--shared ../shared] [--target 3100] [--swaps 150]
//
// Components (recorded in every entry's note and in the file description):
//   - correct forms: the 4-character 成语 of THUOCL `THUOCL_chengyu.txt`
//     (github.com/thunlp/THUOCL, MIT; copied to scripts/dictionary/vendor/thuocl/),
//     with their document frequency;
//   - character confusions: pycorrector `same_pinyin.txt` (同音同调 column,
//     shared/lexicons/, Apache-2.0), confirmed by the project's own readings
//     (server/data/lexicon/confusion.txt, pinyin-pro). Shape pairs (pycorrector
//     `same_stroke.txt` ∩ ECSpell `shapeConfusion.json`) can be switched on with
//     SHAPE_SUBSTITUTIONS; they are off because samples showed implausible slips;
//   - transpositions of two adjacent characters whose swapped pair is a common
//     word (实事求是 → 事实求是).
//
// A candidate wrong form (one substitution or one transposition of a correct
// form) is kept only when all of these hold:
//   1. it is not a word: not in the project lexicon (server/data/lexicon/words.txt.gz),
//      not in THUOCL's 成语 list, not in ECSpell's 公文写作 vocabulary, not a
//      wrong or right form of the existing dictionary, and not part of a longer
//      word or expression of these lists;
//   2. it occurs nowhere in shared/corpora/gongwen-train/ (a form found in
//      published text is suspect; only the training part of the corpus is
//      read: the other gov-docs files are where false alarms are measured);
//   3. it cannot be read as a sequence of correct words: no segmentation into
//      lexicon words (frequency >= MIN_WORD_FREQ) with at most one single
//      character, standing at either end (where it may belong to a neighbouring
//      word): AB|CD, A|BCD, ABC|D;
//   4. the substituted pair is not a pair of interchangeable variant characters
//      (异形词 such as 象/像, 作/做, 分/份 …);
//   5. it is derived from exactly one correct form (an ambiguous form is dropped);
//   6. the substituted character is common (in the 3,500 most frequent characters
//      of the lexicon): an input-method slip produces a common character.
// Candidates are then ranked by the frequency of the correct form (well-known
// expressions first), then slips whose wrong character forms a word with a
// neighbour, then the frequency of the substituted character, at most
// MAX_PER_FORM per correct form, up to --target entries (plus --swaps
// transpositions of the best-known forms).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, dflt) => {
  const k = process.argv.indexOf(name);
  return k > 0 ? process.argv[k + 1] : dflt;
};
const shared = path.resolve(arg('--shared', path.resolve(root, '../shared')));
const TARGET = Number(arg("--target", "3100"));
const MIN_WORD_FREQ = 3;
const MAX_PER_FORM = 2;
const SHAPE_SUBSTITUTIONS = false;
const MAX_SWAPS = Number(arg('--swaps', '150'));
const COMMON_CHARS = 3500;

const han = (s) => /^[\u4e00-\u9fff]+$/.test(s);

// --- word lists -------------------------------------------------------------
const lexicon = new Map();
for (const line of zlib.gunzipSync(fs.readFileSync(path.join(root, 'server/data/lexicon/words.txt.gz'))).toString('utf8').split('\n')) {
  const [f, , words] = line.split('\t');
  if (!words) continue;
  for (const w of words.split(' ')) if (w) lexicon.set(w, Math.max(lexicon.get(w) ?? 0, Number(f)));
}
const idioms = [];
const idiomSet = new Set();
for (const line of fs.readFileSync(path.join(here, 'vendor/thuocl/THUOCL_chengyu.txt'), 'utf8').split('\n')) {
  const [w, f] = line.split('\t').map((s) => s.trim());
  if (!w || !han(w)) continue;
  idiomSet.add(w);
  if ([...w].length === 4) idioms.push({ w, f: Number(f) });
}
const gongwenWords = new Set();
for (const line of fs.readFileSync(path.join(shared, 'lexicons/ecspell/公文写作.txt'), 'utf8').split('\n')) {
  const w = line.split('\t')[0].trim();
  if (w) gongwenWords.add(w);
}
const existing = new Set();
const existingWrong = new Set();
const dictDir = path.join(root, 'server/data/dictionary');
for (const f of fs.readdirSync(dictDir)) {
  if (!f.endsWith('.json') || f === 'derived-idioms.json') continue;
  for (const e of JSON.parse(fs.readFileSync(path.join(dictDir, f), 'utf8')).entries) {
    existing.add(e.wrong);
    existingWrong.add(e.wrong);
    for (const r of [].concat(e.right)) existing.add(r);
  }
}
const existingWrongList = [...existingWrong];
// every 4-character piece of a longer word or expression (一波未平一波又起 …)
const inLonger = new Set();
for (const list of [lexicon.keys(), idiomSet, gongwenWords]) {
  for (const w of list) {
    const c = [...w];
    for (let k = 0; c.length > 4 && k + 4 <= c.length; k++) inLonger.add(c.slice(k, k + 4).join(''));
  }
}
const isWord = (w) => lexicon.has(w) || idiomSet.has(w) || gongwenWords.has(w) || existing.has(w) || inLonger.has(w);

// THUOCL forms that the 第一批异形词整理表 does not recommend (号啕大哭 is the standard form)
const NONSTANDARD = new Set(['嚎啕大哭']);

// --- character frequency (from the lexicon) ---------------------------------
const charFreq = new Map();
for (const [w, f] of lexicon) for (const c of w) charFreq.set(c, (charFreq.get(c) ?? 0) + f);
const commonChars = new Set([...charFreq].sort((a, b) => b[1] - a[1]).slice(0, COMMON_CHARS).map(([c]) => c));

// --- confusion sets ----------------------------------------------------------
const sound = new Map(); // char -> Set of same-pinyin same-tone chars
const addPair = (m, a, b) => {
  if (a === b) return;
  if (!m.has(a)) m.set(a, new Set());
  m.get(a).add(b);
};
for (const line of fs.readFileSync(path.join(shared, 'lexicons/pycorrector/same_pinyin.txt'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [c, same] = line.split('\t');
  for (const d of [...(same ?? '')]) if (han(d)) {
    addPair(sound, c, d);
    addPair(sound, d, c);
  }
}
// keep only pairs that the project's own reading table (pinyin-pro, server/data/lexicon/confusion.txt,
// column 2: same syllable and tone) confirms; 一 and 不 change tone in context and are never substituted.
const pinyinSame = new Map();
for (const line of fs.readFileSync(path.join(root, 'server/data/lexicon/confusion.txt'), 'utf8').split('\n')) {
  const [c, same] = line.split('\t');
  if (c) pinyinSame.set(c, new Set([...(same ?? '')]));
}
for (const [c, set] of sound) {
  for (const d of [...set]) if (!pinyinSame.get(c)?.has(d) || !pinyinSame.get(d)?.has(c) || '一不'.includes(c) || '一不'.includes(d)) set.delete(d);
}
const strokeGroups = new Map();
for (const line of fs.readFileSync(path.join(shared, 'lexicons/pycorrector/same_stroke.txt'), 'utf8').split('\n')) {
  const group = line.split('\t').map((s) => s.trim()).filter(han);
  for (const a of group) for (const b of group) addPair(strokeGroups, a, b);
}
const ecShape = JSON.parse(fs.readFileSync(path.join(shared, 'lexicons/ecspell/shapeConfusion.json'), 'utf8'));
const shape = new Map();
for (const [a, list] of Object.entries(ecShape)) {
  for (const b of list) if (strokeGroups.get(a)?.has(b)) {
    addPair(shape, a, b);
    addPair(shape, b, a);
  }
}

// 异形词 and variant characters that are interchangeable in some words: a
// substitution between them may produce an accepted variant, never derive it.
const VARIANT_PAIRS = [
  '象像', '作做', '分份', '订定', '账帐', '唯惟', '惟维', '唯维', '浑混', '拼拚', '折摺', '叠迭', '模摹', '哪那', '联连',
  '烟菸', '杆竿', '糊胡', '糊煳', '涂糊', '渡度', '炭碳', '沉沈', '躁燥', '蹚趟', '溜遛', '姊姐', '汇彙', '采彩', '伏服',
  '原元', '其期', '备辈', '丝思', '霄宵', '哄轰', '嘻嬉', '绝决', '截戒', '踌筹', '泄渫', '凋雕', '雕琱', '琢啄', '佩珮',
  '坐座', '志誌', '著着', '筑築', '乎呼', '劈霹', '叮盯', '份分', '淌趟', '荡宕', '辑缉', '须需', '希稀', '黏粘', '瞭了',
  '澹淡', '裡里', '于於', '仿彷', '佛髴', '蜿宛', '缈渺', '藉借', '籍藉', '扎札', '扎紮', '扎扎', '付副', '佯徉', '徜倘',
  '嘘吁', '吁呼', '粱梁', '弯湾', '恍晃', '罗啰', '唆梭', '练炼', '锤捶', '捶槌', '钩勾', '勾构', '绉皱', '棱楞', '耽眈',
];
const variant = new Set();
for (const p of VARIANT_PAIRS) {
  const [a, b] = [...p];
  variant.add(a + b);
  variant.add(b + a);
}

// --- segmentation risk -------------------------------------------------------
const FUNCTION_CHARS = new Set([...'的了在是和与及对把被将从为等也都就而又或不有以之其于所者则即亦向给让到上下中里外前后各每该这那此个并且但却还再很更最已曾要会能可应当由因如若虽']);
const wordOk = (w) => (lexicon.get(w) ?? 0) >= MIN_WORD_FREQ || idiomSet.has(w) || gongwenWords.has(w);
/**
 * Whether `s` reads as correct words: the fewest single characters over all
 * segmentations into lexicon words (single characters inside must be function
 * characters, at either end any character, which may close or open a
 * neighbouring word). A reading with at most one single character (AB|CD,
 * A|BCD, ABC|D) is a common word sequence: reject.
 */
function singles(s) {
  const chars = [...s];
  const n = chars.length;
  const best = new Array(n + 1).fill(Infinity);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue;
    for (let j = i + 1; j <= n; j++) {
      const piece = chars.slice(i, j).join('');
      let cost;
      if (j - i === 1) cost = i === 0 || j === n || FUNCTION_CHARS.has(piece) ? 1 : Infinity;
      else cost = j - i < n && wordOk(piece) ? 0 : Infinity;
      if (best[i] + cost < best[j]) best[j] = best[i] + cost;
    }
  }
  return best[n];
}
const segmentable = (s) => singles(s) <= 1;

// --- candidates --------------------------------------------------------------
const cands = new Map(); // wrong -> [{ right, kind, pos, f, cf }]
const reject = new Map(); // reason -> count
const rej = (why) => reject.set(why, (reject.get(why) ?? 0) + 1);
function add(wrong, right, kind, pos, f, cf, attraction = 0) {
  if (!cands.has(wrong)) cands.set(wrong, []);
  cands.get(wrong).push({ right, kind, pos, f, cf, attraction });
}
for (const { w, f } of idioms) {
  // a correct form that the dictionary itself calls non-standard (嚎啕大哭 → 号啕大哭) is no target
  if (existingWrong.has(w) || NONSTANDARD.has(w)) continue;
  const chars = [...w];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const subs = new Map();
    for (const d of sound.get(c) ?? []) subs.set(d, 'sound');
    // Shape pairs were tried and dropped: read in samples, most produced slips
    // nobody makes (风/飘, 争/净, 不/否). 的/地/得 confusions belong to another rule.
    if (SHAPE_SUBSTITUTIONS) for (const d of shape.get(c) ?? []) if (!subs.has(d)) subs.set(d, 'shape');
    for (const d of [...subs.keys()]) if ('的地得'.includes(c) || '的地得'.includes(d)) subs.delete(d);
    for (const [d, kind] of subs) {
      if (variant.has(c + d)) {
        rej('variant pair');
        continue;
      }
      if (!commonChars.has(d)) {
        rej('uncommon substituted character');
        continue;
      }
      const wrong = chars.map((x, k) => (k === i ? d : x)).join('');
      // attraction: the wrong character forms a word with a neighbour (再接再励: 鼓励),
      // which is what makes a slip likely and hard to notice
      const left = i > 0 ? lexicon.get(chars[i - 1] + d) ?? 0 : 0;
      const right = i + 1 < chars.length ? lexicon.get(d + chars[i + 1]) ?? 0 : 0;
      add(wrong, w, kind, i, f, charFreq.get(d) ?? 0, Math.max(left, right));
    }
    if (i + 1 < chars.length && chars[i] !== chars[i + 1]) {
      const t = [...chars];
      [t[i], t[i + 1]] = [t[i + 1], t[i]];
      // only transpositions whose swapped pair is itself a common word (实事 → 事实)
      const pairFreq = lexicon.get(t[i] + t[i + 1]) ?? 0;
      const doubled = t.some((x, k) => k > 0 && x === t[k - 1]); // 不不管顾: nobody writes it
      if (pairFreq >= 100 && !doubled) add(t.join(''), w, 'swap', i, f, 0, pairFreq);
    }
  }
}

// corpus occurrences of candidate forms (4-grams of every corpus file)
const inCorpus = new Set();
for (const sub of ['corpora/gongwen-train']) {
  const dir = path.join(shared, sub);
  for (const file of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (let k = 0; k + 4 <= text.length; k++) {
      const g = text.slice(k, k + 4);
      if (cands.has(g)) inCorpus.add(g);
    }
  }
}

const kept = [];
for (const [wrong, list] of cands) {
  const rights = new Set(list.map((x) => x.right));
  if (rights.size > 1) {
    rej('ambiguous: derived from several correct forms');
    continue;
  }
  if (isWord(wrong)) {
    rej('is a word');
    continue;
  }
  if (existingWrongList.some((x) => wrong.includes(x))) {
    rej('contains a wrong form the dictionary already has');
    continue;
  }
  if (inCorpus.has(wrong)) {
    rej('occurs in gongwen-train');
    continue;
  }
  if (segmentable(wrong)) {
    rej('reads as a sequence of correct words');
    continue;
  }
  kept.push({ wrong, ...list[0] });
}

// rank: well-known forms first; per form, slips whose wrong character forms a
// word with a neighbour first, then sound slips before shape slips before
// transpositions, then common substituted characters first.
const KIND_RANK = { sound: 0, shape: 1, swap: 2 };
const attracted = (k) => (k.attraction >= MIN_WORD_FREQ ? 1 : 0);
kept.sort((a, b) => b.f - a.f || a.right.localeCompare(b.right) || attracted(b) - attracted(a) || KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.cf - a.cf);
const perForm = new Map();
const chosen = [];
// transpositions (事实求是) of the best-known forms first, in their own quota
let swaps = 0;
for (const k of kept) {
  if (k.kind !== 'swap' || swaps >= MAX_SWAPS) continue;
  chosen.push(k);
  swaps++;
}
for (const k of kept) {
  if (k.kind === 'swap') continue;
  const n = perForm.get(k.right) ?? 0;
  if (n >= MAX_PER_FORM) continue;
  perForm.set(k.right, n + 1);
  chosen.push(k);
  if (chosen.length >= TARGET) break;
}

const NOTE = {
  sound: (k) => `成语用字固定，“${k.right}”的“${[...k.right][k.pos]}”不能写成同音的“${[...k.wrong][k.pos]}”`,
  shape: (k) => `成语用字固定，“${k.right}”的“${[...k.right][k.pos]}”不能写成形近的“${[...k.wrong][k.pos]}”`,
  swap: (k) => `成语字序固定，应为“${k.right}”`,
};
const SRC = { sound: 'THUOCL成语+pycorrector同音', shape: 'THUOCL成语+pycorrector/ECSpell形近', swap: 'THUOCL成语+字序颠倒' };
const out = [
  '# Generated by scripts/dictionary/derive.mjs — do not edit by hand; edit the script and rerun it.',
  '# Correct forms: THUOCL_chengyu.txt (thunlp/THUOCL, MIT); confusions: pycorrector same_pinyin/same_stroke (Apache-2.0),',
  '# ECSpell shapeConfusion.json (MIT); one substitution or one adjacent transposition per entry, reviewed automatically.',
  '# wrong\tright\tlevel\tnote\tbad',
];
for (const k of chosen.sort((a, b) => a.right.localeCompare(b.right, 'zh') || a.wrong.localeCompare(b.wrong, 'zh'))) {
  out.push([k.wrong, k.right, 'e', `${NOTE[k.kind](k)}（派生：${SRC[k.kind]}）`, `文稿中“${k.wrong}”一语用字有误。`].join('\t'));
}
fs.writeFileSync(path.join(here, 'src/derived-idioms.tsv'), out.join('\n') + '\n');
const byKind = {};
for (const k of chosen) byKind[k.kind] = (byKind[k.kind] ?? 0) + 1;
console.log(`idioms: ${idioms.length}; candidates: ${cands.size}; kept after review: ${kept.length}; written: ${chosen.length} ${JSON.stringify(byKind)}`);
console.log(`candidate forms found in the corpora: ${inCorpus.size}`);
console.log(`rejections: ${JSON.stringify(Object.fromEntries(reject))}`);
