// The contract between the parts of the Word module (server/src/docx/):
// reading a received .docx (read.ts), writing comments and tracked changes
// back into it (review.ts), and the Markdown import (import.ts). The engine
// knows nothing of Word: a .docx is checked as the plain text `DocxDraft.text`
// (its paragraphs in reading order, one per line), and findings come back as
// ranges of that text, which the character map turns into places in the
// package.

import type JSZip from 'jszip';
import type { Document, Element } from './dom';

/** A .docx the module refuses, with a one-line Chinese message for the user (the CLI exits 2 with it). */
export class DocxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxError';
  }
}

/** Limits on what is inflated from a package (a zip bomb is refused before it is inflated). */
export interface DocxLimits {
  /** Entries in the zip. */
  maxEntries: number;
  /** Sum of the uncompressed sizes the zip declares, and of what is actually inflated. */
  maxInflatedBytes: number;
}

export const DOCX_LIMITS: DocxLimits = { maxEntries: 10_000, maxInflatedBytes: 256 * 2 ** 20 };

/** One paragraph of the document body in reading order (table cells: each paragraph of each cell, row by row). */
export interface DocxParagraph {
  /** The visible text: runs joined, fields as displayed, tracked changes as if accepted, the generated numbering ordinal first. */
  text: string;
  /**
   * Per UTF-16 unit of `text`: the index in `DocxPackage.nodes` of the element
   * that holds it, or −1 for a character the reader generated (a numbering
   * ordinal such as “一、”): not editable, a comment may still cover it.
   */
  node: Int32Array;
  /** Per UTF-16 unit of `text`: its offset in that node's text (−1 when generated). */
  offset: Int32Array;
  /** Where the paragraph stands. */
  container: 'body' | 'table' | 'textbox';
  /** Layout hints, where the file states them (style chain resolved as far as the reader goes). */
  style?: string;
  align?: 'left' | 'center' | 'right' | 'both' | 'distribute';
  bold?: boolean;
  /** Font size in half-points (w:sz), e.g. 44 for 22 pt. */
  sizeHalfPoints?: number;
  /** Text colour as RRGGBB. */
  color?: string;
  /** Numbered by w:numPr: the displayed ordinal is generated (node −1). */
  numbered?: boolean;
}

/**
 * The package as parsed: the zip, the XML parts as DOM documents (the
 * light DOM of dom.ts), and the text-bearing elements in reading order. The
 * reader fills it; review.ts edits the documents in place and serialises
 * them back into the zip.
 */
export interface DocxPackage {
  zip: JSZip;
  /** Parsed parts by path, at least 'word/document.xml'. */
  parts: Map<string, Document>;
  /**
   * Elements that hold visible characters, in reading order: `w:t` (its
   * text), and one-character elements `w:tab` (“\t”), `w:noBreakHyphen`
   * (“-”), `w:sym` (the symbol's character). A `w:br`/`w:cr` inside a `w:p`
   * ends a DocxParagraph: the text after it is the next DocxParagraph (of
   * the same `w:p`), so that one DocxParagraph is always one line of
   * `DocxDraft.text`.
   */
  nodes: Element[];
  /** Whether the package is macro-enabled (.docm): its text is read, nothing in it ever runs. */
  macroEnabled: boolean;
}

export interface DocxDraft {
  paragraphs: DocxParagraph[];
  /** The paragraphs' texts joined by “\n”: what the engine checks (format 'plaintext'); line n = paragraphs[n]. */
  text: string;
  /** paragraphStarts[n]: the offset of paragraph n in `text`. */
  paragraphStarts: number[];
  pkg: DocxPackage;
}

/** What review.ts writes for one finding. Ranges are offsets in `DocxDraft.text`. */
export interface ReviewItem {
  start: number;
  end: number;
  /** The comment: what is wrong, what to write instead, which clause says so. */
  comment: string;
  /** Edits written as tracked changes (w:del + w:ins), only for fixes fix-all would apply. */
  edits?: Array<{ start: number; end: number; newText: string }>;
}

export interface ReviewOptions {
  /** Comments only, the text unchanged (no tracked changes). */
  commentsOnly?: boolean;
  /** Author of comments and revisions (default “公文助手”). */
  author?: string;
  /** Date of comments and revisions (default now). */
  date?: Date;
}
