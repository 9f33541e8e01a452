// Why does the confusable-character detector miss the slips it misses?
// Aggregate analysis on ECSpell's odw.train (measuring only: it prints counts
// by cause, never single sentences, and nothing here feeds the method).
// Every table has a column for the development lines (0-based line index
// % 5 == 4, the figures to report) and one for the training lines (index
// % 5 != 4); lines whose two sentences differ in length are skipped.
//
//   npx tsx bench/typo-miss-analysis.ts [--shared ../shared] [--out bench/results/typo-miss-analysis.md]
//
// Note (5 Dec 2026): the causes below were written for the earlier
// word-model search. Since the detector takes its candidates from the 公文
// character model (docs/detector.md), "found", "flagged, other char", "not
// in confusion set" (the learned and public-list pairs are not counted) and
// "protected (block)" still mean what they say; "no target word", "below
// threshold", "other char wins" and "overlap" only approximate the new
// reasons (the gates, the greedy correction, the name penalty), and
// "protected (run)" now lowers a score instead of vetoing it.
//
// Every gold slip (a position where the wrong and the correct sentence
// differ) gets the first cause that applies, in this order:
//
//   found                 the shipped detector (default options) flags the
//                         position with the gold character;
//   flagged, other char   it flags the position with another character;
//   not Han               the wrong or the gold character is not a Han character;
//   run < MIN_RUN         the run of Han characters holding it is shorter than MIN_RUN;
//   never replaced        the wrong character is a particle or numeral the detector never replaces;
//   no confusion row      the wrong character has no confusion set at all;
//   not in confusion set  the gold character is not in the wrong one's set
//                         (split by pinyin-pro: same toneless syllable or not);
//   no target word        no target word (lexicon word of 2–TARGET_MAX_LEN
//                         characters, log probability at least that of
//                         frequency TARGET_MIN_FREQ, 公文 bonus included, not a name)
//                         covers the position in the correct sentence
//                         (split: some covering word is in the lexicon but
//                         rare or a name / none is in the lexicon);
//   protected (block)     quotes, 书名号, next to Latin letters or digits;
//   protected (run)       name, place and organisation patterns (protect.ts
//                         runProtection) or a repetition frame;
//   below threshold       the candidate with the gold character exists
//                         (detect with minScore −40) but scores below the
//                         shipped threshold (histogram of scores);
//   other char wins       at the position a different correction scores higher;
//   overlap               a better overlapping candidate at another position takes the span;
//   real-word slip        the wrong character sits in an established word
//                         (not a weak token) and no correction swallows it;
//   no candidate (other)  none of the above (e.g. the corrected word is
//                         only a target in a span that crosses the run).
//
// Uses the detector's public API (detect, getLexicon) and, read-only, the
// exported helpers the detector itself uses for segmentation and protection.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { detect, getLexicon, MEDIUM_SCORE, type Detection } from '../server/src/engine/detector/index';
import { MIN_RUN, RARE_FREQ } from '../server/src/engine/detector/detect';
import { TARGET_MIN_FREQ } from '../server/src/engine/detector/lexicon';
import { segmentRun } from '../server/src/engine/detector/segment';
import { blockProtection, runProtection, inRepetitionFrame, FREE } from '../server/src/engine/detector/protect';

function arg(name: string, def?: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}
const root = path.resolve(__dirname, '..');
const shared = path.resolve(arg('--shared', path.resolve(root, '../shared'))!);
const outFile = arg('--out', path.join(root, 'bench/results/typo-miss-analysis.md'))!;

/** Longest target word looked for (characters). */
const TARGET_MAX_LEN = 6;

/** As in detect.ts (not exported there): characters the detector never replaces. */
const NEVER_REPLACE = new Set([...'的地得了着过一二三四五六七八九十百千万亿零两']);
const LOW = -40;

/**
 * Raw confusion sources under ../shared/lexicons (read to tell which source
 * would hold a missing pair; the detector's confusion.txt is built from
 * them with filters, see docs/detector.md).
 */
function rawSources(): Array<[string, (w: string, g: string) => boolean]> {
  const lx = path.join(shared, 'lexicons');
  const pairSet = new Set<string>();
  const out: Array<[string, (w: string, g: string) => boolean]> = [];
  const jsonPairs = (f: string): Set<string> => {
    const set = new Set<string>();
    try {
      const j = JSON.parse(fs.readFileSync(path.join(lx, f), 'utf8')) as Record<string, string[]>;
      for (const [k, vs] of Object.entries(j)) for (const v of vs) set.add(k + v);
    } catch {
      /* source absent */
    }
    return set;
  };
  const groupPairs = (f: string, skipFirst: boolean): Set<string> => {
    const set = new Set<string>();
    if (!fs.existsSync(path.join(lx, f))) return set;
    for (const line of fs.readFileSync(path.join(lx, f), 'utf8').split('\n')) {
      if (line.startsWith('#') || !line.trim()) continue;
      const cols = line.split('\t');
      const head = cols[0];
      const members = skipFirst ? cols.slice(1).join('') : cols.join('');
      for (const m of members) if (m !== head) set.add(head + m);
      if (!skipFirst) for (const a of members) for (const b of members) if (a !== b) set.add(a + b);
    }
    return set;
  };
  const sound = jsonPairs('ecspell/soundConfusion.json');
  const shape = jsonPairs('ecspell/shapeConfusion.json');
  const pyPinyin = groupPairs('pycorrector/same_pinyin.txt', true);
  const pyStroke = groupPairs('pycorrector/same_stroke.txt', false);
  out.push(['ECSpell sound', (w, g) => sound.has(w + g)]);
  out.push(['ECSpell shape, this direction', (w, g) => shape.has(w + g)]);
  out.push(['ECSpell shape, other direction only', (w, g) => !shape.has(w + g) && shape.has(g + w)]);
  out.push(['pycorrector same_pinyin', (w, g) => pyPinyin.has(w + g)]);
  out.push(['pycorrector same_stroke', (w, g) => pyStroke.has(w + g)]);
  void pairSet;
  return out;
}

const isHan = (c: string | undefined): boolean => {
  if (!c) return false;
  const code = c.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
};

const syllables = (c: string): Set<string> =>
  new Set(pinyin(c, { toneType: 'none', type: 'array', multiple: true }) as string[]);
const sameSyllable = (a: string, b: string): boolean => {
  const sa = syllables(a);
  for (const s of syllables(b)) if (sa.has(s)) return true;
  return false;
};

const parts = (c: string, pattern: 'initial' | 'final'): Set<string> =>
  new Set(pinyin(c, { pattern, toneType: 'none', type: 'array', multiple: true }) as string[]);
const nearSyllable = (a: string, b: string): boolean => {
  for (const pat of ['initial', 'final'] as const) {
    const pa = parts(a, pat);
    for (const x of parts(b, pat)) if (x && pa.has(x)) return true;
  }
  return false;
};

const CAUSES = [
  'found',
  'flagged, other char',
  'not Han',
  'run < MIN_RUN',
  'never replaced',
  'no confusion row',
  'not in confusion set: same toneless syllable',
  'not in confusion set: other syllable',
  'no target word: covering word in lexicon, rare or a name',
  'no target word: no covering word in lexicon',
  'protected (block: quotes, Latin, digits)',
  'protected (run: a jieba name word nr/ns/nt)',
  'protected (run: name, place, organisation patterns)',
  'protected (repetition frame)',
  'below threshold',
  'other char wins',
  'overlap',
  'real-word slip',
  'no candidate (other)',
] as const;
type Cause = (typeof CAUSES)[number];

const BINS = [-Infinity, 0, 2, 4, 5, 6, 7, MEDIUM_SCORE];
const binLabel = (k: number): string =>
  k === 0 ? `< ${BINS[1]}` : k === BINS.length - 1 ? `≥ ${BINS[k]} (not shown)` : `${BINS[k]}–${BINS[k + 1]}`;

type SplitId = 'dev' | 'train';
const SPLITS: SplitId[] = ['dev', 'train'];
const SPLIT_TITLE: Record<SplitId, string> = { dev: 'dev', train: 'train' };

/** The counts of one split of odw.train. */
function newStats() {
  return {
    notInSet: new Map<string, number>(),
    /** Found slips by length of the corrected word and score band. */
    foundBy: new Map<string, number>(),
    counts: new Map<Cause, number>(CAUSES.map((c) => [c, 0])),
    hist: new Array<number>(BINS.length).fill(0),
    kindHist: new Map<string, number>(),
    slips: 0,
    realWordAll: 0,
    sentences: 0,
    goldSentences: 0,
    /** Sentences where every slip has a candidate with the gold char at some score. */
    allReachable: 0,
    allFound: 0,
    skipped: 0,
    bySentenceSize: new Map<string, { n: number; reachable: number }>(),
  };
}

function main(): void {
  const lex = getLexicon();
  const sources = rawSources();
  const targetLogp = Math.log(TARGET_MIN_FREQ) - Math.log(lex.total);
  const logp = lex.logp;
  const names = lex.names;
  const rareLogp = Math.log(RARE_FREQ) - Math.log(lex.total);
  const file = path.join(shared, 'corpora/ecspell-odw/odw.train');
  const stats = { dev: newStats(), train: newStats() };

  for (const [index, line] of fs.readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    const st = stats[index % 5 === 4 ? 'dev' : 'train'];
    const { notInSet, foundBy, counts, hist, kindHist, bySentenceSize } = st;
    const [, wrong, right] = line.split('\t');
    if (wrong === undefined || right === undefined || wrong.length !== right.length) {
      st.skipped++;
      continue;
    }
    st.sentences++;
    const gold: number[] = [];
    for (let i = 0; i < wrong.length; i++) if (wrong[i] !== right[i]) gold.push(i);
    if (!gold.length) continue;
    st.goldSentences++;
    const shipped = detect(wrong);
    const low = detect(wrong, { minScore: LOW, support: false });
    const block = blockProtection(wrong, new Set());
    let reachable = 0;
    let foundHere = 0;
    for (const i of gold) {
      st.slips++;
      const w = wrong[i];
      const g = right[i];
      const cause = classify(i, w, g);
      counts.set(cause, counts.get(cause)! + 1);
      if (cause === 'found') foundHere++;
      if (cause === 'found' || cause === 'below threshold') reachable++;
    }
    if (foundHere === gold.length) st.allFound++;
    if (reachable === gold.length) st.allReachable++;
    const key = gold.length >= 3 ? '3+' : String(gold.length);
    const b = bySentenceSize.get(key) ?? { n: 0, reachable: 0 };
    b.n++;
    if (reachable === gold.length) b.reachable++;
    bySentenceSize.set(key, b);

    function classify(i: number, w: string, g: string): Cause {
      const at = (ds: Detection[]) => ds.find((d) => d.index === i);
      const d0 = at(shipped);
      // Run and segmentation (needed for the real-word count too).
      let ra = i;
      let rb = i;
      if (isHan(w)) {
        while (ra > 0 && isHan(wrong[ra - 1])) ra--;
        while (rb < wrong.length && isHan(wrong[rb])) rb++;
      }
      const run = wrong.slice(ra, rb);
      const seg = isHan(w) && run.length ? segmentRun(lex, run, false) : undefined;
      const tok = seg ? seg.tokenOf[i - ra] : -1;
      const strong = seg ? seg.tokens[tok][1] - seg.tokens[tok][0] > 1 && seg.tokenLogp[tok] >= rareLogp : false;
      if (strong) st.realWordAll++;
      if (d0 && d0.rightChar === g) {
        const len = Math.min(d0.to - d0.from, 4);
        const band = d0.score < 10 ? 'medium (8–10)' : d0.score < 12 ? 'high (10–12)' : 'high (≥ 12)';
        const k = `${len === 4 ? '4+' : len}\t${d0.supported ? 'supported (5–8)' : band}`;
        foundBy.set(k, (foundBy.get(k) ?? 0) + 1);
        return 'found';
      }
      if (d0) return 'flagged, other char';
      if (!isHan(w) || !isHan(g)) return 'not Han';
      if (run.length < MIN_RUN) return 'run < MIN_RUN';
      if (NEVER_REPLACE.has(w)) return 'never replaced';
      const conf = lex.confusion.get(w);
      if (!conf) return 'no confusion row';
      const kind = conf.get(g);
      if (kind === undefined) {
        const hit = sources.filter(([, has]) => has(w, g)).map(([name]) => name);
        const key = hit.length ? hit.join(' + ') : 'in no raw source';
        const near = sameSyllable(w, g) ? 'same toneless syllable' : nearSyllable(w, g) ? 'same initial or final' : 'other sound';
        notInSet.set(`${key} | ${near}`, (notInSet.get(`${key} | ${near}`) ?? 0) + 1);
      }
      if (kind === undefined) return sameSyllable(w, g) ? 'not in confusion set: same toneless syllable' : 'not in confusion set: other syllable';
      // A target word with the gold character covering i, inside the run.
      const fixedRun = right.slice(ra, rb);
      const ii = i - ra;
      let target = false;
      let inLexicon = false;
      for (let a = Math.max(0, ii - TARGET_MAX_LEN + 1); a <= ii; a++) {
        for (let bb = ii + 1; bb <= Math.min(fixedRun.length, a + TARGET_MAX_LEN); bb++) {
          if (bb - a < 2) continue;
          const word = fixedRun.slice(a, bb);
          const lp = logp.get(word);
          if (lp !== undefined && lp <= 0 && lp >= targetLogp && !names.has(word)) target = true;
          if (lp !== undefined && lp <= 0) inLexicon = true;
          if (names.has(word)) inLexicon = true;
        }
      }
      if (!target) return inLexicon ? 'no target word: covering word in lexicon, rare or a name' : 'no target word: no covering word in lexicon';
      if (block[i] !== FREE) return 'protected (block: quotes, Latin, digits)';
      const mask = new Uint8Array(run.length);
      runProtection(
        {
          text: run,
          tokens: seg!.tokens,
          tokenOf: seg!.tokenOf,
          weak: (t) => seg!.tokens[t][1] - seg!.tokens[t][0] === 1 || seg!.tokenLogp[t] < rareLogp,
          nameTag: (t) => {
            const [x, y] = seg!.tokens[t];
            return names.get(run.slice(x, y));
          },
          isWord: (s) => s.length > 1 && (logp.get(s) ?? 1) <= 0,
        },
        mask,
      );
      if (mask[ii] !== FREE) {
        const [x, y] = seg!.tokens[seg!.tokenOf[ii]];
        return names.has(run.slice(x, y)) ? 'protected (run: a jieba name word nr/ns/nt)' : 'protected (run: name, place, organisation patterns)';
      }
      if (inRepetitionFrame(run, ii, (k) => seg!.tokens[seg!.tokenOf[k]])) return 'protected (repetition frame)';
      const d = at(low);
      if (d && d.rightChar === g) {
        let k = BINS.length - 1;
        while (d.score < BINS[k]) k--;
        hist[k]++;
        kindHist.set(String(kind), (kindHist.get(String(kind)) ?? 0) + 1);
        return 'below threshold';
      }
      if (d) return 'other char wins';
      if (low.some((x) => x.from <= i && i < x.to)) return 'overlap';
      if (strong) return 'real-word slip';
      return 'no candidate (other)';
    }
  }

  const { dev, train } = stats;
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
  /** "dev | train" cells of a count. */
  const both = (f: (x: ReturnType<typeof newStats>) => number) => `${f(dev)} | ${f(train)}`;
  const out: string[] = [];
  out.push('# Why the detector misses slips on odw.train (aggregate)\n');
  out.push('Generated by `npx tsx bench/typo-miss-analysis.ts` (detector alone, shipped options; measuring only —');
  out.push('counts by cause, no single sentence was looked at to make entries). Each gold slip gets the first cause');
  out.push('that applies, in the order of the table; see the script header for the definitions.');
  out.push('Columns: **dev** = development lines of odw.train (0-based line index % 5 == 4; the figures to report),');
  out.push('train = training lines (index % 5 != 4; where thresholds and confusion pairs may be chosen).\n');
  for (const id of SPLITS) {
    const st = stats[id];
    out.push(`- ${SPLIT_TITLE[id]}: sentences ${st.sentences}${st.skipped ? ` (${st.skipped} skipped: unequal lengths)` : ''}, with slips ${st.goldSentences}; ` +
      `gold slips ${st.slips}. Slips whose wrong character sits in an established word of the best segmentation ` +
      `(real-word slips, any cause): ${st.realWordAll} (${pct(st.realWordAll, st.slips)}).`);
  }
  out.push('');
  out.push('| cause | dev slips | dev share | train slips | train share |');
  out.push('|---|---|---|---|---|');
  for (const c of CAUSES) {
    out.push(`| ${c} | ${dev.counts.get(c)} | ${pct(dev.counts.get(c)!, dev.slips)} | ${train.counts.get(c)} | ${pct(train.counts.get(c)!, train.slips)} |`);
  }
  out.push('');
  out.push(`Candidates with the gold character that score below the shipped threshold (${MEDIUM_SCORE}; detect with minScore ${LOW}, no support):\n`);
  out.push('| score (nats) | dev slips | train slips |');
  out.push('|---|---|---|');
  for (let k = 0; k < BINS.length; k++) out.push(`| ${binLabel(k)} | ${both((x) => x.hist[k])} |`);
  out.push('');
  out.push('Their confusion kinds (1 same syllable and tone, 2 other tone, 3 shape, 4 fuzzy): ' +
    SPLITS.map((id) => `${SPLIT_TITLE[id]}: ` + ([...stats[id].kindHist.entries()].sort().map(([k, v]) => `${k}: ${v}`).join(', ') || '—')).join('; ') + '\n');
  out.push('Found slips by the length of the corrected word and the score band, dev / train (what a change of the length prior or of the thresholds would touch):\n');
  const bands = ['supported (5–8)', 'medium (8–10)', 'high (10–12)', 'high (≥ 12)'];
  out.push(`| word length | ${bands.join(' | ')} |`);
  out.push(`|---|${bands.map(() => '---').join('|')}|`);
  for (const len of ['2', '3', '4+']) {
    out.push(`| ${len} | ${bands.map((b) => SPLITS.map((id) => stats[id].foundBy.get(`${len}\t${b}`) ?? 0).join(' / ')).join(' | ')} |`);
  }
  out.push('');
  out.push('Gold pairs not in the confusion set, by the raw sources under ../shared/lexicons that hold the pair ' +
    '(wrong → gold) and by sound (pinyin-pro):\n');
  out.push('| sources holding the pair | sound | dev slips | train slips |');
  out.push('|---|---|---|---|');
  const keys = [...new Set([...dev.notInSet.keys(), ...train.notInSet.keys()])];
  const total = (k: string) => (dev.notInSet.get(k) ?? 0) + (train.notInSet.get(k) ?? 0);
  for (const k of keys.sort((x, y) => total(y) - total(x) || (dev.notInSet.get(y) ?? 0) - (dev.notInSet.get(x) ?? 0))) {
    const [src, near] = k.split(' | ');
    out.push(`| ${src} | ${near} | ${both((x) => x.notInSet.get(k) ?? 0)} |`);
  }
  out.push('');
  for (const id of SPLITS) {
    const st = stats[id];
    out.push(`Sentence level, ${SPLIT_TITLE[id]}: all slips found ${st.allFound} of ${st.goldSentences}; all slips reachable (a candidate with the gold ` +
      `character exists at some score) ${st.allReachable} of ${st.goldSentences} — the ceiling of sentence-level detection recall ` +
      `for any threshold with the present candidates (${(st.allReachable / st.goldSentences).toFixed(3)}). ` +
      'By number of slips in the sentence (reachable / sentences): ' +
      ['1', '2', '3+'].map((k) => `${k}: ${st.bySentenceSize.get(k)?.reachable ?? 0} / ${st.bySentenceSize.get(k)?.n ?? 0}`).join('; ') + '\n');
  }
  const text = out.join('\n');
  console.log(text);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
}

main();
