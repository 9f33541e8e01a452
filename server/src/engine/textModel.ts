// The text model: the visible prose of a draft, with every character mapped
// back to its source offset (UTF-16 code units), so that findings and fixes
// land on the exact source range.
//
// Markdown is parsed with unified + remark-parse (plus front matter and GFM
// tables). Rules see block text with markup removed but visible characters
// kept, including ordinals that Markdown turns into list markers. Code,
// inline code, URLs, HTML and front matter are not prose. Plain text is one
// block per non-empty line.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { parse as parseYaml } from 'yaml';
import type { Root, RootContent, PhrasingContent, Nodes } from 'mdast';
import type { BlockKind, DocFormat, SourceComment, TextBlock, TextLine, TextModel } from './types';
import { isHan, isCjkPunct } from './text';

/** Stands in for non-prose inline content (code, URLs, images, HTML) so words never join across it. */
export const PLACEHOLDER = '\uFFFC';

/**
 * Build the text model of a draft. A Markdown draft is parsed in chunks that
 * start after a blank line (see `markdownChunks`), which gives the same model
 * as parsing it whole; with a `cache` (the editor's typing path) chunks left
 * unchanged by an edit are not parsed again.
 */
export function buildTextModel(source: string, format: DocFormat, cache?: ModelCache, opts: { whole?: boolean } = {}): TextModel {
  const lineStarts = computeLineStarts(source);
  const model: TextModel = { source, format, blocks: [], lines: [], comments: [], lineStarts };
  let linesDone = false;
  if (format === 'markdown') {
    try {
      // Deeper or denser than any real draft: the parser would take quadratic time or overflow its stack.
      if (markdownNestingDepth(source, MAX_MARKDOWN_NESTING) > MAX_MARKDOWN_NESTING) throw new RangeError('nesting');
      if (markupCount(source, MAX_PARAGRAPH_MARKUP) > MAX_PARAGRAPH_MARKUP && maxParagraphMarkup(source) > MAX_PARAGRAPH_MARKUP) {
        fallBackToPlainText(model, 'Markdown 标记过于密集（一段中有上千个 * _ [ ] ` 符号），无法高效解析，已按纯文本检查');
        model.lines = splitLines(model);
        return model;
      }
      const chunks = opts.whole ? undefined : markdownChunks(source, lineStarts);
      if (chunks) {
        buildMarkdownChunked(model, chunks, cache);
        linesDone = true;
      } else buildMarkdown(model);
    } catch (e) {
      linesDone = false;
      // Markdown the parser cannot take (e.g. thousands of nested `>` or list
      // levels overflow its stack): check the draft as plain text and say so.
      fallBackToPlainText(
        model,
        e instanceof RangeError
          ? 'Markdown 嵌套层次过深，无法解析，已按纯文本检查'
          : `Markdown 无法解析（${String((e as Error)?.message ?? e).split('\n')[0]}），已按纯文本检查`,
      );
    }
  } else if (cache) {
    // the typing path: lines in chunks, as Markdown, so that an edit re-builds and moves only what it must
    buildChunked(model, plainTextChunks(lineStarts, source.length), cache, 'plaintext');
    linesDone = true;
  } else buildPlainText(model);
  if (!linesDone) model.lines = splitLines(model);
  return model;
}

function fallBackToPlainText(model: TextModel, notice: string): void {
  model.blocks = [];
  model.lines = [];
  model.comments = [];
  model.frontMatter = undefined;
  model.frontMatterError = undefined;
  buildPlainText(model);
  model.notice = notice;
}

/** More inline markup characters than this in one paragraph make a draft plain text (the parser is quadratic in them). */
const MAX_PARAGRAPH_MARKUP = 1000;

/** How many of `* _ [ ] \`` the text holds, counting up to `limit + 1` (a quick bound for maxParagraphMarkup). */
function markupCount(source: string, limit: number): number {
  let n = 0;
  for (const ch of MARKUP_CHARS) for (let i = source.indexOf(ch); i >= 0; i = source.indexOf(ch, i + 1)) if (++n > limit) return n;
  return n;
}
const MARKUP_CHARS = ['*', '_', '[', ']', '`'];

/** The most of `* _ [ ] \`` in one paragraph (lines between blank lines). Linear. */
export function maxParagraphMarkup(source: string): number {
  let max = 0;
  let count = 0;
  let lineBlank = true;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) {
      if (lineBlank) count = 0;
      lineBlank = true;
    } else if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96) {
      lineBlank = false;
      if (++count > max) max = count;
    } else if (c !== 32 && c !== 9 && c !== 13) lineBlank = false;
  }
  return max;
}

/** Block quotes and list items nested deeper than this on one line make a draft plain text. */
const MAX_MARKDOWN_NESTING = 200;

/**
 * The most container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) that open one
 * line, stopping once past `limit`. Linear in the length of the text.
 */
export function markdownNestingDepth(source: string, limit = Infinity): number {
  let max = 0;
  let i = 0;
  const n = source.length;
  const blank = (c: number) => c === 32 || c === 9;
  while (i < n) {
    let depth = 0;
    for (;;) {
      while (i < n && blank(source.charCodeAt(i))) i++;
      const c = source.charCodeAt(i);
      if (c === 62 /* > */) {
        i++;
      } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && blank(source.charCodeAt(i + 1))) {
        i++;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < n && j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
        const d = source.charCodeAt(j);
        if ((d === 46 || d === 41) /* . ) */ && blank(source.charCodeAt(j + 1))) i = j + 1;
        else break;
      } else break;
      depth++;
    }
    if (depth > max) {
      max = depth;
      if (max > limit) return max;
    }
    const nl = source.indexOf('\n', i);
    if (nl < 0) break;
    i = nl + 1;
  }
  return max;
}

/** Offsets where each line starts; \n, \r\n and \r all end a line (as in LSP). */
export function computeLineStarts(source: string): number[] {
  const starts = [0];
  if (source.indexOf('\r') < 0) {
    // no CR: jump from line feed to line feed
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** LSP-style position of a source offset. */
export function positionAt(lineStarts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

/** Source offset of an LSP-style position (clamped to the document). */
export function offsetAt(lineStarts: number[], source: string, line: number, character: number): number {
  if (line < 0) return 0;
  if (line >= lineStarts.length) return source.length;
  const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : source.length;
  return Math.max(lineStarts[line], Math.min(lineStarts[line] + character, lineEnd));
}

// ---------------------------------------------------------------------------
// Plain text

const COMMENT_LINE = /^\s*<!--([\s\S]*?)-->\s*$/;

function buildPlainText(model: TextModel): void {
  const { source, lineStarts } = model;
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    let end = line + 1 < lineStarts.length ? lineStarts[line + 1] : source.length;
    while (end > start && (source.charCodeAt(end - 1) === 10 || source.charCodeAt(end - 1) === 13)) end--;
    if (end === start) continue;
    const text = source.slice(start, end);
    if (text.trim() === '') continue;
    const comment = COMMENT_LINE.exec(text);
    if (comment) {
      model.comments.push({ body: comment[1].trim(), start, end, line, endLine: line });
      continue;
    }
    let masked: { text: string; offsets: Int32Array };
    if (mayHoldUrl(text)) {
      const b = new BlockBuilder();
      b.push(text, start);
      masked = maskUrls(b);
    } else {
      // Fast path: the line is the block, character for character.
      const offsets = new Int32Array(text.length + 1);
      for (let i = 0; i <= text.length; i++) offsets[i] = start + i;
      masked = { text, offsets };
    }
    model.blocks.push({ kind: 'line', text: masked.text, offsets: masked.offsets, start, end, lines: [{ from: 0, to: masked.text.length }] });
  }
}

// ---------------------------------------------------------------------------
// Markdown

let markdownParser: ReturnType<typeof createParser> | undefined;
let bodyParser: ReturnType<typeof createParser> | undefined;

function createParser(frontMatter = true) {
  const processor = unified().use(remarkParse);
  // Front matter exists only at the start of the document.
  if (frontMatter) processor.use(remarkFrontmatter, ['yaml']);
  return processor
    .use(function gfmTablesOnly(this: any) {
      // Only GFM tables: the autolink-literal transform would swallow the
      // Chinese text that follows a bare URL and shift positions.
      const data = this.data();
      (data.micromarkExtensions ??= []).push(gfmTable());
      (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
    });
}

function parseMarkdown(source: string): Root {
  markdownParser ??= createParser();
  return markdownParser.parse(source) as Root;
}

function buildMarkdown(model: TextModel): void {
  const tree = parseMarkdown(model.source);
  const walker = new BlockWalker(model);
  walker.children(tree.children);
}

// ---------------------------------------------------------------------------
// Markdown in chunks

/** What parsing one chunk gives, with offsets relative to the chunk's start. */
interface ChunkModel {
  blocks: TextBlock[];
  comments: SourceComment[];
  frontMatter?: Record<string, unknown>;
  frontMatterError?: string;
}

/**
 * Where a cached chunk was placed by the last check that used it: the blocks
 * with their source offsets at `base`, and the lines, which also depend on
 * the index of the chunk's first block and on the source line at `base`.
 * A check that places the chunk the same way re-uses these objects as they
 * are (they are never changed once built); one that places it elsewhere
 * builds new ones.
 */
interface Placement {
  base: number;
  firstBlock: number;
  baseLine: number;
  blocks: TextBlock[];
  lines: TextLine[];
}

interface ModelCacheEntry {
  used: number;
  /** The format the chunk was read as: a Markdown chunk and a plain text one may have the same text. */
  format: DocFormat;
  chunk: ChunkModel;
  placed?: Placement;
}

/**
 * Parsed Markdown chunks by text, kept across the checks of one document so
 * that an edit re-parses only the chunk it touched. Chunks no check used are
 * swept out.
 */
export class ModelCache {
  private map = new Map<string, ModelCacheEntry>();
  private tick = 0;
  private usedNow = 0;
  /**
   * For each block of the model the last build gave, an object that stands
   * for its kind and source text as long as the chunk holding it stays
   * cached (the chunk's own, unplaced block); undefined when that build did
   * not go through the cache. Lets the block-result cache find a block's
   * entry without hashing its text.
   */
  origins: TextBlock[] | undefined;
  begin(): void {
    this.tick++;
    this.usedNow = 0;
    this.origins = undefined;
  }
  /** The cache entry of a chunk read as `format` (marked as used), if any. */
  entry(key: string, format: DocFormat = 'markdown'): ModelCacheEntry | undefined {
    const e = this.map.get(key);
    if (!e || e.format !== format) return undefined;
    if (e.used !== this.tick) this.usedNow++;
    e.used = this.tick;
    return e;
  }
  get(key: string): ChunkModel | undefined {
    return this.entry(key)?.chunk;
  }
  set(key: string, chunk: ChunkModel, format: DocFormat = 'markdown'): ModelCacheEntry {
    const e: ModelCacheEntry = { used: this.tick, format, chunk };
    // a key sliced from the draft would keep that whole version of the draft alive: store a copy
    this.map.set(ownCopy(key), e);
    this.usedNow++;
    return e;
  }
  end(): void {
    if (this.map.size > 2 * this.usedNow + 64) for (const [k, e] of this.map) if (e.used !== this.tick) this.map.delete(k);
  }
  clear(): void {
    this.map.clear();
    this.origins = undefined;
  }
  get size(): number {
    return this.map.size;
  }
}

/** A string that shares no storage with the one it was sliced from (V8 flattens the concatenation into new storage before slicing). */
export function ownCopy(s: string): string {
  return s.length < 16 ? s : (' ' + s).slice(1);
}

// Constructs that can carry on across a blank line into a line that starts in
// column 0: fenced code, HTML blocks of CommonMark types 1–5 (which end at a
// closing marker, not at a blank line) and link reference definitions (which
// change how the rest of the document parses). A draft holding any of these
// is parsed whole.
const UNCHUNKABLE = /```|~~~|<(?:script|pre|style|textarea)[\s>]|<\?|<![A-Za-z[]|\[[^\]\n]+\]:/i;
const COMMENT_OPEN = /<!--/g;

/**
 * Where a Markdown draft can be cut so that each piece parses as it would in
 * the whole: before a line that starts in column 0 with a non-blank character
 * and follows a blank line. Such a line ends every open paragraph, list item
 * (their continuations are indented) and blockquote, and no construct above
 * it can change how it parses — given that the draft holds none of the
 * constructs in UNCHUNKABLE and no comment spanning lines. Front matter stays
 * whole in the first chunk. Returns the chunk start offsets (the first is 0),
 * or undefined when the draft must be parsed whole.
 */
/** Smallest chunk worth a parse of its own (UTF-16 code units). */
let MIN_CHUNK = 1024;
/** For tests: chunk at every possible cut. */
export function setMinChunkForTests(n: number): void {
  MIN_CHUNK = n;
}

function markdownChunks(source: string, lineStarts: number[]): number[] | undefined {
  if (UNCHUNKABLE.test(source)) return undefined;
  COMMENT_OPEN.lastIndex = 0;
  for (let m = COMMENT_OPEN.exec(source); m; m = COMMENT_OPEN.exec(source)) {
    const close = source.indexOf('-->', m.index + 4);
    if (close < 0) return undefined;
    for (let i = m.index; i < close; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || c === 13) return undefined;
    }
    COMMENT_OPEN.lastIndex = close + 3;
  }
  let firstLine = 1;
  if (/^---[ \t]*(?:\r?\n|\r)/.test(source)) {
    // front matter: no cut before its closing fence
    let closing = -1;
    for (let l = 1; l < lineStarts.length; l++) {
      const end = l + 1 < lineStarts.length ? lineStarts[l + 1] : source.length;
      if (/^---[ \t]*$/.test(source.slice(lineStarts[l], end).replace(/[\r\n]+$/, ''))) {
        closing = l;
        break;
      }
    }
    if (closing < 0) return undefined;
    firstLine = closing + 1;
  }
  const starts = [0];
  let prevBlank = false;
  // Whether the last non-blank line may be indented code: micromark keeps
  // indented code open across blank lines, so the next line parses as if it
  // followed directly (`2. ` then cannot start a list); no cut after it.
  let afterIndented = false;
  for (let l = 0; l < lineStarts.length; l++) {
    const at = lineStarts[l];
    const c = at < source.length ? source.charCodeAt(at) : 10;
    const blank = isBlankLine(source, at);
    // Cut only once the chunk has grown to MIN_CHUNK: fewer, larger parses
    // are faster, and an edit moves later cuts only when it crosses the limit.
    if (l >= firstLine && prevBlank && !afterIndented && !blank && c !== 32 && c !== 9 && c !== 0xfeff && at - starts[starts.length - 1] >= MIN_CHUNK) starts.push(at);
    prevBlank = blank;
    if (!blank) afterIndented = mayBeIndentedCode(source, at);
  }
  return starts;
}

/** The line's leading run of spaces, tabs and `>` holds four spaces or a tab. */
function mayBeIndentedCode(source: string, at: number): boolean {
  let spaces = 0;
  for (let i = at; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 9) return true;
    if (c === 32) {
      if (++spaces >= 4) return true;
    } else if (c === 62 /* > */) spaces = 0;
    else return false;
  }
  return false;
}

function isBlankLine(source: string, at: number): boolean {
  for (let i = at; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function parseChunk(text: string, first: boolean, fast = true): ChunkModel {
  const sub: TextModel = { source: text, format: 'markdown', blocks: [], lines: [], comments: [], lineStarts: computeLineStarts(text) };
  const nodes = (fast && plainParagraphs(text)) || (first ? parseMarkdown(text) : ((bodyParser ??= createParser(false)).parse(text) as Root)).children;
  new BlockWalker(sub).children(nodes);
  return { blocks: sub.blocks, comments: sub.comments, frontMatter: sub.frontMatter, frontMatterError: sub.frontMatterError };
}

/** For tests: a chunk's model by the parser, or by the fast path (undefined when it does not apply). */
export function parseChunkForTests(text: string, first: boolean, fast: boolean): Pick<ChunkModel, 'blocks' | 'comments'> | undefined {
  if (fast && !plainParagraphs(text)) return undefined;
  const { blocks, comments } = parseChunk(text, first, fast);
  return { blocks, comments };
}

/**
 * The fast path of the typing path: the syntax tree of a chunk made only of
 * plain paragraphs, built without the parser — or undefined when the chunk
 * holds anything the parser could read otherwise. A plain paragraph is a run
 * of non-empty lines (separated by empty lines, LF only) none of which opens a
 * block construct (first character a letter, a digit not followed by its
 * list marker, or a non-ASCII character other than a BOM), carries inline
 * markup (`\ & * _ \` [ ] < | ~`), control characters or tabs, or ends in a
 * space. remark reads such a paragraph as one text node whose value is the
 * source itself; the tree is then walked as the parser's would be.
 */
function plainParagraphs(text: string): RootContent[] | undefined {
  const n = text.length;
  const out: RootContent[] = [];
  let i = 0;
  while (i < n) {
    let e = text.indexOf('\n', i);
    if (e < 0) e = n;
    if (e === i) {
      i++;
      continue;
    }
    const start = i;
    let end = e;
    for (;;) {
      if (!plainLine(text, i, e)) return undefined;
      end = e;
      i = e + 1;
      if (i >= n) break;
      e = text.indexOf('\n', i);
      if (e < 0) e = n;
      if (e === i) break;
    }
    const position = { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } };
    out.push({ type: 'paragraph', children: [{ type: 'text', value: text.slice(start, end), position }], position });
  }
  return out;
}

function plainLine(text: string, from: number, to: number): boolean {
  const c0 = text.charCodeAt(from);
  if (c0 < 0x80) {
    if (c0 >= 48 && c0 <= 57) {
      // `1. ` and `1) ` open a list item
      let j = from + 1;
      while (j < to && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = text.charCodeAt(j);
      if (d === 46 || d === 41) return false;
    } else if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) return false;
  } else if (c0 === 0xfeff) return false;
  if (text.charCodeAt(to - 1) === 32) return false;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c < 0x80 && (c < 32 || INLINE_MARKUP[c] === 1)) return false;
  }
  return true;
}

/** ASCII characters that may open inline markup: `\ & * _ \` [ ] < | ~`. */
const INLINE_MARKUP = new Uint8Array(128);
for (const ch of '\\&*_`[]<|~') INLINE_MARKUP[ch.charCodeAt(0)] = 1;

function buildMarkdownChunked(model: TextModel, starts: number[], cache?: ModelCache): void {
  buildChunked(model, starts, cache, 'markdown');
}

/** Plain text in chunks for the typing path: cut at the first line start at least MIN_CHUNK past the last cut (lines are independent). */
function plainTextChunks(lineStarts: number[], length: number): number[] {
  const starts = [0];
  let last = 0;
  for (let l = 1; l < lineStarts.length; l++) {
    const at = lineStarts[l];
    if (at >= length) break;
    if (at - last >= MIN_CHUNK) {
      starts.push(at);
      last = at;
    }
  }
  return starts;
}

/** A plain text chunk's blocks and comments, offsets relative to the chunk. */
function plainTextChunk(text: string): ChunkModel {
  const sub: TextModel = { source: text, format: 'plaintext', blocks: [], lines: [], comments: [], lineStarts: computeLineStarts(text) };
  buildPlainText(sub);
  return { blocks: sub.blocks, comments: sub.comments };
}

/**
 * The model of a draft from its chunks (start offsets; the first is 0), each
 * read on its own: parsed or found in the cache by its text, then placed.
 */
function buildChunked(model: TextModel, starts: number[], cache: ModelCache | undefined, format: DocFormat): void {
  const { source, lineStarts } = model;
  const origins: TextBlock[] | undefined = cache ? [] : undefined;
  for (let k = 0; k < starts.length; k++) {
    const base = starts[k];
    const text = source.slice(base, k + 1 < starts.length ? starts[k + 1] : source.length);
    const key = k === 0 && format === 'markdown' ? `\u0000${text}` : text; // the first Markdown chunk may hold front matter
    let entry = cache?.entry(key, format);
    if (!entry) {
      // Cached, what the chunk gives (texts, comments) must not be slices of the draft: they would keep that whole version alive.
      const own = cache ? ownCopy(text) : text;
      const parsed = format === 'markdown' ? parseChunk(own, k === 0) : plainTextChunk(own);
      entry = cache ? cache.set(key, parsed, format) : { used: 0, format, chunk: parsed };
    }
    const chunk = entry.chunk;
    if (k === 0) {
      if (chunk.frontMatter) model.frontMatter = chunk.frontMatter;
      if (chunk.frontMatterError) model.frontMatterError = chunk.frontMatterError;
    }
    const firstBlock = model.blocks.length;
    let placed = entry.placed;
    if (!placed || placed.base !== base || placed.firstBlock !== firstBlock || placed.baseLine !== positionAt(lineStarts, base).line) {
      // cached chunks are shared: what moves is copied
      const blocks = placed?.base === base ? placed.blocks : placeBlocks(chunk.blocks, base);
      placed = { base, firstBlock, baseLine: positionAt(lineStarts, base).line, blocks, lines: [] };
      blocks.forEach((b, i) => pushLines(placed!.lines, b, firstBlock + i, lineStarts));
      if (cache) entry.placed = placed;
    }
    for (const b of placed.blocks) model.blocks.push(b);
    for (const l of placed.lines) model.lines.push(l);
    if (origins) for (const b of chunk.blocks) origins.push(b);
    for (const c of chunk.comments) {
      const start = c.start + base;
      const end = c.end + base;
      model.comments.push({ body: c.body, start, end, line: positionAt(lineStarts, start).line, endLine: positionAt(lineStarts, end).line });
    }
  }
  if (cache) cache.origins = origins;
}

/** A chunk's blocks moved to `base`: the offsets of all of them in one buffer. */
function placeBlocks(blocks: TextBlock[], base: number): TextBlock[] {
  let total = 0;
  for (const b of blocks) total += b.offsets.length;
  const all = new Int32Array(total);
  const out: TextBlock[] = [];
  let at = 0;
  for (const b of blocks) {
    const n = b.offsets.length;
    const src = b.offsets;
    for (let i = 0; i < n; i++) all[at + i] = src[i] + base;
    out.push({ ...b, offsets: all.subarray(at, at + n), start: b.start + base, end: b.end + base });
    at += n;
  }
  return out;
}

/** Accumulates visible characters of one block and their source offsets. */
class BlockBuilder {
  chars: string[] = [];
  offsets: number[] = [];
  /** Text indexes where a new source line starts. */
  lineBreaks: number[] = [];

  push(text: string, sourceOffset: number): void {
    for (let i = 0; i < text.length; i++) {
      this.chars.push(text[i]);
      this.offsets.push(sourceOffset + i);
    }
  }

  pushChar(ch: string, sourceOffset: number): void {
    this.chars.push(ch);
    this.offsets.push(sourceOffset);
  }

  lineBreak(newlineOffset: number): void {
    // A line break inside a Chinese paragraph maps to nothing; between two
    // Latin letters or digits it reads as a space.
    const prev = this.chars.length ? this.chars[this.chars.length - 1] : '';
    if (prev && /[A-Za-z0-9,.;:!?]/.test(prev)) this.pendingSpace = newlineOffset;
    this.lineBreaks.push(this.chars.length);
  }

  pendingSpace = -1;

  /** Called before pushing the first character of a new line. */
  resolveSpace(next: string): void {
    if (this.pendingSpace < 0) return;
    if (/[A-Za-z0-9]/.test(next)) {
      // The joining space belongs to neither line: the line break index moves past it.
      this.chars.push(' ');
      this.offsets.push(this.pendingSpace);
      this.lineBreaks[this.lineBreaks.length - 1] = this.chars.length;
    }
    this.pendingSpace = -1;
  }
}

class BlockWalker {
  constructor(private model: TextModel) {}

  children(nodes: RootContent[]): void {
    for (const node of nodes) this.block(node);
  }

  private block(node: RootContent): void {
    switch (node.type) {
      case 'paragraph':
        this.emit('paragraph', node.children, node);
        break;
      case 'heading':
        this.emit('heading', node.children, node, node.depth);
        break;
      case 'blockquote':
        this.children(node.children);
        break;
      case 'list':
        for (const item of node.children) this.listItem(item, node.ordered === true);
        break;
      case 'table':
        for (const row of node.children)
          for (const cell of row.children) this.emit('tableCell', cell.children, cell);
        break;
      case 'html':
        this.comments(node.value, node);
        break;
      case 'yaml':
        this.frontMatter(node.value);
        break;
      default:
        // code, thematicBreak, definition: not prose.
        break;
    }
  }

  private listItem(item: Extract<RootContent, { type: 'listItem' }>, ordered: boolean): void {
    const first = item.children[0];
    item.children.forEach((child, index) => {
      if (index === 0 && ordered && child.type === 'paragraph' && item.position && first.position) {
        // Keep the ordinal (`1. `) visible: a 公文 writes it as text.
        const markerStart = item.position.start.offset!;
        const contentStart = first.position.start.offset!;
        const marker = this.model.source.slice(markerStart, contentStart).replace(/\s+$/, '');
        this.emit('listItem', child.children, child, undefined, { text: marker, offset: markerStart, gap: contentStart - markerStart - marker.length });
      } else {
        this.block(child);
      }
    });
  }

  private frontMatter(value: string): void {
    try {
      const data = parseYaml(value);
      if (data && typeof data === 'object' && !Array.isArray(data)) this.model.frontMatter = data as Record<string, unknown>;
      else if (data != null) this.model.frontMatterError = '前置元数据（front matter）应为键值对';
    } catch (e) {
      this.model.frontMatterError = `前置元数据（front matter）无法解析：${(e as Error).message.split('\n')[0]}`;
    }
  }

  private comments(value: string, node: Nodes): void {
    const base = node.position?.start.offset;
    if (base === undefined) return;
    const re = /<!--([\s\S]*?)-->/g;
    for (let m = re.exec(value); m; m = re.exec(value)) {
      // html node values are verbatim source slices
      const start = base + m.index;
      const end = start + m[0].length;
      this.model.comments.push({
        body: m[1].trim(),
        start,
        end,
        line: positionAt(this.model.lineStarts, start).line,
        endLine: positionAt(this.model.lineStarts, end).line,
      });
    }
  }

  private emit(
    kind: BlockKind,
    children: PhrasingContent[],
    node: Nodes,
    depth?: number,
    prefix?: { text: string; offset: number; gap: number },
  ): void {
    const b = new BlockBuilder();
    if (prefix) {
      b.push(prefix.text, prefix.offset);
      // keep one separating space as written (`1. 内容`)
      if (prefix.gap > 0) b.pushChar(' ', prefix.offset + prefix.text.length);
    }
    this.inline(children, b);
    // Trim trailing whitespace the parser may leave.
    while (b.chars.length && /\s/.test(b.chars[b.chars.length - 1])) {
      b.chars.pop();
      b.offsets.pop();
    }
    if (!b.chars.length || !node.position) return;
    const { text, offsets, lineBreaks } = maskUrls(b);
    if (text.replace(new RegExp(PLACEHOLDER, 'g'), '').trim() === '') return;
    const lines: Array<{ from: number; to: number }> = [];
    let from = 0;
    for (const br of lineBreaks) {
      const to = text[br - 1] === ' ' && br > from ? br - 1 : br;
      if (br > from && br <= text.length) lines.push({ from, to: Math.min(to, text.length) });
      from = br;
    }
    if (from < text.length) lines.push({ from, to: text.length });
    this.model.blocks.push({
      kind,
      depth,
      text,
      offsets,
      start: node.position.start.offset!,
      end: node.position.end.offset!,
      lines,
    });
  }

  private inline(nodes: PhrasingContent[], b: BlockBuilder): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          this.text(node.value, node, b);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
          this.inline(node.children, b);
          break;
        case 'link': {
          const onlyUrl =
            node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === node.url;
          if (onlyUrl) this.placeholder(node, b);
          else this.inline(node.children, b);
          break;
        }
        case 'linkReference':
          this.inline(node.children, b);
          break;
        case 'break':
          if (node.position) b.lineBreak(node.position.start.offset!);
          break;
        case 'html':
          this.comments(node.value, node);
          this.placeholder(node, b);
          break;
        default:
          // inlineCode, image, imageReference, footnote references: not prose
          this.placeholder(node, b);
          break;
      }
    }
  }

  private placeholder(node: Nodes, b: BlockBuilder): void {
    if (!node.position) return;
    b.resolveSpace(PLACEHOLDER);
    b.pushChar(PLACEHOLDER, node.position.start.offset!);
  }

  /**
   * Map a text node's value onto its source slice. The value differs from the
   * source where Markdown unescapes (`\*`), decodes entities (`&amp;`) or
   * strips the indentation of continuation lines; walk both in step.
   */
  private text(value: string, node: Nodes, b: BlockBuilder): void {
    if (!node.position) return;
    const src = this.model.source;
    const start = node.position.start.offset!;
    const end = node.position.end.offset!;
    let p = start;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i];
      if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && value[i + 1] === '\n') i++;
        // find the line end in the source
        while (p < end && src[p] !== '\n' && src[p] !== '\r') p++;
        const nl = p;
        if (src[p] === '\r' && src[p + 1] === '\n') p += 2;
        else p++;
        b.lineBreak(nl);
        // skip the continuation line's stripped indentation / blockquote markers
        const next = value[i + 1];
        while (p < end && src[p] !== next && /[ \t>]/.test(src[p])) p++;
        continue;
      }
      if (src[p] === ch) {
        b.resolveSpace(ch);
        b.pushChar(ch, p);
        p++;
        continue;
      }
      if (src[p] === '\\' && src[p + 1] === ch) {
        b.resolveSpace(ch);
        b.pushChar(ch, p + 1);
        p += 2;
        continue;
      }
      if (src[p] === '&') {
        const semi = src.indexOf(';', p);
        if (semi > p && semi - p <= 32) {
          // A character reference decodes to one or two code units.
          const cp = value.codePointAt(i) ?? 0;
          b.resolveSpace(ch);
          b.pushChar(ch, p);
          if (cp > 0xffff) {
            b.pushChar(value[i + 1], p);
            i++;
          }
          p = semi + 1;
          continue;
        }
      }
      // Fallback: search forward for the character (skipped markup such as
      // stripped whitespace); map to the current position if not found.
      const found = src.indexOf(ch, p);
      if (found >= 0 && found < end) p = found;
      b.resolveSpace(ch);
      b.pushChar(ch, p);
      if (found >= 0 && found < end) p++;
    }
  }
}

/** Cheap pre-test for URL_RE: a URL needs `://` or `www.`, an e-mail address `@`. */
function mayHoldUrl(text: string): boolean {
  return text.includes('://') || text.includes('www.') || text.includes('@');
}

// URLs and e-mail addresses are not prose: each collapses to one placeholder.
const URL_RE = /(?:https?:\/\/|ftp:\/\/|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

function maskUrls(b: BlockBuilder): { text: string; offsets: Int32Array; lineBreaks: number[] } {
  let text = b.chars.join('');
  let srcOffsets = b.offsets;
  let lineBreaks = b.lineBreaks;
  URL_RE.lastIndex = 0;
  if (URL_RE.test(text)) {
    URL_RE.lastIndex = 0;
    const keep: number[] = [];
    const chars: string[] = [];
    const remap = new Int32Array(text.length + 1);
    let last = 0;
    for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
      let urlEnd = m.index + m[0].length;
      // trailing ASCII sentence punctuation is not part of a URL
      while (urlEnd > m.index && /[.,;:!?)\]']/.test(text[urlEnd - 1])) urlEnd--;
      for (let i = last; i < m.index; i++) {
        remap[i] = chars.length;
        chars.push(text[i]);
        keep.push(srcOffsets[i]);
      }
      for (let i = m.index; i < urlEnd; i++) remap[i] = chars.length;
      chars.push(PLACEHOLDER);
      keep.push(srcOffsets[m.index]);
      last = urlEnd;
      URL_RE.lastIndex = urlEnd;
    }
    for (let i = last; i < text.length; i++) {
      remap[i] = chars.length;
      chars.push(text[i]);
      keep.push(srcOffsets[i]);
    }
    remap[text.length] = chars.length;
    lineBreaks = lineBreaks.map((br) => remap[br]);
    text = chars.join('');
    srcOffsets = keep;
  }
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) offsets[i] = srcOffsets[i];
  offsets[text.length] = text.length ? srcOffsets[text.length - 1] + 1 : 0;
  return { text, offsets, lineBreaks };
}

// ---------------------------------------------------------------------------
// Lines

function splitLines(model: TextModel): TextLine[] {
  const out: TextLine[] = [];
  model.blocks.forEach((block, index) => pushLines(out, block, index, model.lineStarts));
  return out;
}

/** The lines of a block (model.blocks[index]). */
function pushLines(out: TextLine[], block: TextBlock, index: number, lineStarts: number[]): void {
  for (const { from, to } of block.lines) {
    if (to <= from) continue;
    const text = block.text.slice(from, to);
    let offsets: Int32Array;
    if (from === 0 && to === block.text.length && block.offsets[to] === block.offsets[to - 1] + 1) {
      // the whole block, ending where the block ends: its offsets as they are (never changed once built)
      offsets = block.offsets;
    } else {
      offsets = block.offsets.subarray(from, to + 1).slice();
      offsets[text.length] = block.offsets[to - 1] + 1;
    }
    out.push({
      text,
      offsets,
      block: index,
      blockFrom: from,
      sourceLine: positionAt(lineStarts, block.offsets[from]).line,
    });
  }
}

/** Whether a character is part of Chinese running text (Han or CJK punctuation). */
export function isChineseChar(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return isHan(c) || isCjkPunct(c);
}
