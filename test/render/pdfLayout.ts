// Reads the text layout of a PDF with poppler's `pdftotext -bbox-layout`:
// pages of lines, each with its box (PDF points, origin top left) and text.

import { execFileSync } from 'node:child_process';

export interface PdfLine {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

const num = (s: string) => Number.parseFloat(s);

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function pdfLayout(pdfPath: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (let m = pageRe.exec(html); m; m = pageRe.exec(html)) {
    const page: PdfPage = { width: num(m[1]), height: num(m[2]), lines: [] };
    const lineRe = /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
    for (let l = lineRe.exec(m[3]); l; l = lineRe.exec(m[3])) {
      const words = [...l[5].matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => decode(w[1]));
      page.lines.push({ xMin: num(l[1]), yMin: num(l[2]), xMax: num(l[3]), yMax: num(l[4]), text: words.join('') });
    }
    // pdftotext groups lines into blocks; order them top to bottom, then left to right.
    page.lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    pages.push(page);
  }
  return pages;
}

/** Merge boxes that sit on the same baseline band (pdftotext may split one printed line into several). */
export function printedLines(lines: PdfLine[], tolerance = 3): PdfLine[] {
  const out: PdfLine[] = [];
  for (const l of lines) {
    const same = out.find((o) => Math.abs(o.yMin - l.yMin) <= tolerance && Math.abs(o.yMax - l.yMax) <= tolerance * 2);
    if (same) {
      const left = same.xMin <= l.xMin;
      same.text = left ? same.text + l.text : l.text + same.text;
      same.xMin = Math.min(same.xMin, l.xMin);
      same.xMax = Math.max(same.xMax, l.xMax);
    } else out.push({ ...l });
  }
  return out;
}

/** Characters as printed: whitespace does not count. */
export function charCount(text: string): number {
  return [...text.replace(/\s+/g, '')].length;
}
