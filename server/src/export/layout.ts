// Page geometry and fonts of GB/T 9704-2012 (§5, §7), in OOXML units:
// twips (1/20 pt) for lengths, half-points for font sizes.

export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (x: number): number => Math.round(x * TWIPS_PER_MM);
export const pt = (x: number): number => Math.round(x * 20);

/** A4, §5.1. */
export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;
/** §5.2.1: top 37 mm, bottom 35 mm, left (binding) 28 mm, right 26 mm; type area 156 × 225 mm. */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
export const TEXT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right; // 8845 ≈ 156 mm
export const TEXT_HEIGHT = PAGE_HEIGHT - MARGIN.top - MARGIN.bottom; // 12756 ≈ 225 mm

/** §5.2.3: 22 lines of 28 characters. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** Line pitch: 225 mm / 22 = 28.95 pt = 579 twips (22 × 579 = 12738 ≤ 12756). */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);
/** Body size 三号 = 16 pt (§5.2.2). */
export const BODY_SIZE_PT = 16;
/**
 * w:docGrid charSpace: (pitch − Normal font size) × 4096, pitch = 156 mm / 28 = 15.79 pt.
 * Word lays 28 characters per line on this grid.
 */
export const GRID_CHAR_SPACE = Math.floor(((TEXT_WIDTH / 20 / CHARS_PER_LINE) - BODY_SIZE_PT) * 4096);
/**
 * Character spacing (w:spacing, twips) on 16 pt text: −0.3 pt, so 28 characters
 * of 16 pt take 28 × 15.7 = 439.6 pt of the 442.25 pt line, and 29 do not fit.
 * The paragraphs do not snap to the character grid: LibreOffice (and WPS in
 * some versions) cannot compress a grid below the font size and would set
 * each character in two cells; explicit spacing gives 28 per line everywhere.
 */
export const BODY_CHAR_SPACING = -6;

/** One character of 三号 in indents (Word's “字符” unit at 16 pt). */
export const CHAR = pt(BODY_SIZE_PT);
/** One character of 四号 (版记, page numbers). */
export const CHAR_14 = pt(14);

/** 字号 in points. */
export const SIZE = { 初号: 42, 小初: 36, 一号: 26, 二号: 22, 三号: 16, 四号: 14 } as const;

export const RED = 'FF0000';

// ---------------------------------------------------------------------------
// Fonts

/** Font names, each a list: the name written in the document first, then fallbacks. */
export interface ExportFonts {
  /** 标题, 发文机关标志: 小标宋. */
  title: string[];
  /** 正文: 仿宋. */
  body: string[];
  /** 一级标题, 密级, 紧急程度, 附件N, 出席/请假/列席: 黑体. */
  hei: string[];
  /** 二级标题, 签发人姓名: 楷体. */
  kai: string[];
  /** Page numbers: 宋体. */
  song: string[];
  /** Latin letters and digits. */
  latin: string;
}

export const DEFAULT_FONTS: ExportFonts = {
  title: ['方正小标宋简体', '华文中宋', '宋体'],
  body: ['仿宋_GB2312', '仿宋'],
  hei: ['黑体'],
  kai: ['楷体_GB2312', '楷体'],
  song: ['宋体'],
  latin: 'Times New Roman',
};

export function resolveFonts(fonts: Partial<ExportFonts> | undefined): ExportFonts {
  const out: ExportFonts = { ...DEFAULT_FONTS };
  if (!fonts) return out;
  for (const key of ['title', 'body', 'hei', 'kai', 'song'] as const) {
    const v = fonts[key] as unknown;
    if (typeof v === 'string' && v.trim()) out[key] = v.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
    else if (Array.isArray(v) && v.length) out[key] = v.map(String);
  }
  if (typeof fonts.latin === 'string' && fonts.latin.trim()) out.latin = fonts.latin.trim();
  return out;
}

/** PANOSE family class and pitch of the usual Chinese fonts, for Word's substitution. */
const FONT_FAMILY: Record<string, 'roman' | 'modern' | 'script' | 'swiss'> = {
  方正小标宋简体: 'script',
  华文中宋: 'roman',
  宋体: 'roman',
  仿宋_GB2312: 'modern',
  仿宋: 'modern',
  黑体: 'modern',
  楷体_GB2312: 'modern',
  楷体: 'modern',
};

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * word/fontTable.xml naming every font used, with the first fallback as
 * w:altName (Word substitutes it when the font is missing) and the GB2312
 * character set, so a missing 仿宋_GB2312 falls back to 仿宋 rather than to a
 * Latin font.
 */
export function fontTableXml(fonts: ExportFonts): string {
  const lists = [fonts.title, fonts.body, fonts.hei, fonts.kai, fonts.song];
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const list of lists) {
    list.forEach((name, i) => {
      if (seen.has(name)) return;
      seen.add(name);
      const alt = list[i + 1];
      const family = FONT_FAMILY[name] ?? 'auto';
      entries.push(
        `<w:font w:name="${escapeXml(name)}">` +
          (alt ? `<w:altName w:val="${escapeXml(alt)}"/>` : '') +
          `<w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`,
      );
    });
  }
  if (!seen.has(fonts.latin)) {
    entries.push(`<w:font w:name="${escapeXml(fonts.latin)}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}
