// The detector's tries (engine/codeTrie.ts) and confusion arrays, so that the
// hot loops of the detector extend a word one character at a time (one hash
// probe) instead of slicing a substring and hashing it. The loader
// (lexicon.ts) builds them straight from the data files and registers them;
// for a Lexicon object made otherwise they are built from its string maps on
// first use. Cached per Lexicon object.

import { CodeTrie, type CodeTrieParts } from '../codeTrie';
import type { Lexicon } from './lexicon';

export { CodeTrie, type CodeTrieParts };

export interface LexiconTries {
  /** Trie of lex.logp's keys; value[node] is the map's value, NaN when the node's string is not a key. */
  logp: CodeTrie;
  logpValue: Float64Array;
  /**
   * Confusion sets by the written character's code unit: the BMP candidates
   * of confStart[code]..confStart[code + 1] in confCodes/confKinds.
   */
  confStart: Int32Array;
  confCodes: Uint16Array;
  confKinds: Uint8Array;
  /** nameOf[node] of the logp trie: 0, or 1/2/3 for a name tagged nr/ns/nt. */
  nameOf: Uint8Array;
}

export const NAME_TAGS = [undefined, 'nr', 'ns', 'nt'] as const;

const cache = new WeakMap<Lexicon, LexiconTries>();

export function lexiconTries(lex: Lexicon): LexiconTries {
  let t = cache.get(lex);
  if (!t) {
    t = buildTries(lex);
    cache.set(lex, t);
  }
  return t;
}

/** The word-level part of the tries (what loadLexicon builds directly from the word list). */
export type CoreTries = Pick<LexiconTries, 'logp' | 'logpValue' | 'nameOf'>;

/** The confusion part (what loadLexicon builds directly from the confusion file). */
export type ConfusionArrays = Pick<LexiconTries, 'confStart' | 'confCodes' | 'confKinds'>;

/** Register tries built by the loader for a lexicon (so that they are not rebuilt from its maps). */
export function registerTries(lex: Lexicon, tries: LexiconTries): void {
  cache.set(lex, tries);
}

/**
 * The tries from the lexicon's string maps (for a Lexicon object not made by
 * loadLexicon; tests compare them with the loader's).
 */
export function triesFromMaps(lex: Lexicon): LexiconTries {
  return { ...coreFromMaps(lex), ...confusionArraysOf(lex.confusion) };
}

function buildTries(lex: Lexicon): LexiconTries {
  return triesFromMaps(lex);
}

function coreFromMaps(lex: Lexicon): CoreTries {
  const logp = new CodeTrie(lex.logp.size + 1);
  const lpNodes: number[] = [];
  const lpValues: number[] = [];
  for (const [k, v] of lex.logp) {
    lpNodes.push(logp.insert(k));
    lpValues.push(v);
  }
  const logpValue = new Float64Array(logp.nodes).fill(NaN);
  for (let i = 0; i < lpNodes.length; i++) logpValue[lpNodes[i]] = lpValues[i];

  const nameOf = new Uint8Array(logp.nodes);
  for (const [w, tag] of lex.names) {
    let node = 0;
    for (let i = 0; i < w.length && node >= 0; i++) node = logp.child(node, w.charCodeAt(i));
    if (node > 0) nameOf[node] = NAME_TAGS.indexOf(tag);
  }
  logp.compact();
  return { logp, logpValue, nameOf };
}

/** The confusion arrays of confusion sets given as maps. */
export function confusionArraysOf(confusion: Lexicon['confusion']): ConfusionArrays {
  const confOf: Array<Map<string, number> | undefined> = new Array(0x10000).fill(undefined);
  for (const [c, conf] of confusion) if (c.length === 1) confOf[c.charCodeAt(0)] = conf;
  const confStart = new Int32Array(0x10001);
  const codes: number[] = [];
  const kinds: number[] = [];
  for (let code = 0; code < 0x10000; code++) {
    confStart[code] = codes.length;
    const conf = confOf[code];
    if (!conf) continue;
    for (const [d, k] of conf) {
      if (d.length !== 1) continue;
      codes.push(d.charCodeAt(0));
      kinds.push(k);
    }
  }
  confStart[0x10000] = codes.length;
  return { confStart, confCodes: Uint16Array.from(codes), confKinds: Uint8Array.from(kinds) };
}

/**
 * The tries as plain data whose typed arrays live in SharedArrayBuffers:
 * posted to another thread, they are shared, not copied (the detector's
 * worker loads the lexicon, the calling thread adopts it: see
 * engine/detector/parallel.ts).
 */
export interface SharedTries {
  logp: CodeTrieParts;
  logpValue: Float64Array;
  confStart: Int32Array;
  confCodes: Uint16Array;
  confKinds: Uint8Array;
  nameOf: Uint8Array;
}

/** A copy of a typed array in shared memory. */
function shared<T extends Int32Array | Float64Array | Uint16Array | Uint8Array>(a: T): T {
  const C = a.constructor as { new (b: SharedArrayBuffer): T };
  const out = new C(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

function sharedParts(p: CodeTrieParts): CodeTrieParts {
  return { ...p, slots: shared(p.slots), root: shared(p.root), filter: p.filter && shared(p.filter) };
}

/** Copy a lexicon's tries into shared memory (see SharedTries). */
export function shareTries(lex: Lexicon): SharedTries {
  const t = lexiconTries(lex);
  return {
    logp: sharedParts(t.logp.toParts()),
    logpValue: shared(t.logpValue),
    confStart: shared(t.confStart),
    confCodes: shared(t.confCodes),
    confKinds: shared(t.confKinds),
    nameOf: shared(t.nameOf),
  };
}

/** Use shared tries for `lex`. */
export function adoptTries(lex: Lexicon, s: SharedTries): void {
  cache.set(lex, { ...s, logp: CodeTrie.fromParts(s.logp) });
}
