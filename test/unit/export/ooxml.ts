// Helpers to read the OOXML of an exported .docx in tests.

import JSZip from 'jszip';

export interface Docx {
  files: Record<string, string>;
  document: string;
  paragraphs: Para[];
}

export interface Para {
  xml: string;
  pPr: string;
  text: string;
  runs: Array<{ rPr: string; text: string }>;
}

export async function readDocx(buffer: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buffer);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) files[name] = await zip.file(name)!.async('string');
  }
  const document = files['word/document.xml'];
  return { files, document, paragraphs: paragraphsOf(document) };
}

export function paragraphsOf(xml: string): Para[] {
  const out: Para[] = [];
  for (const m of xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)) {
    const inner = m[1] ?? m[2] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const runs = [...inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => ({
      rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1])?.[1] ?? '',
      text: [...r[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
    out.push({ xml: m[0], pPr, text: runs.map((r) => r.text).join(''), runs });
  }
  return out;
}

/** The paragraph whose text starts with (or equals) `text`. */
export function para(doc: Docx | Para[], text: string | RegExp): Para {
  const list = Array.isArray(doc) ? doc : doc.paragraphs;
  const p = list.find((x) => (typeof text === 'string' ? x.text.startsWith(text) : text.test(x.text)));
  if (!p) throw new Error(`no paragraph ${String(text)} in: ${list.map((x) => x.text).filter(Boolean).join(' | ')}`);
  return p;
}

/** Attribute value of the first element `tag` in xml. */
export function attr(xml: string, tag: string, name: string): string | undefined {
  const el = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!el) return undefined;
  return new RegExp(`\\b${name}="([^"]*)"`).exec(el)?.[1];
}

export function eastAsiaFont(rPr: string): string | undefined {
  return attr(rPr, 'w:rFonts', 'w:eastAsia');
}

export function size(rPr: string): number | undefined {
  const v = attr(rPr, 'w:sz', 'w:val');
  return v ? Number(v) / 2 : undefined;
}
