// Lays out the printed paragraphs of a 公文 as a Word document following
// GB/T 9704-2012: page and type area (§5), 版头 (§7.2), 主体 (§7.3), 版记
// (§7.4), page numbers (§7.5), and the 信函 / 纪要 formats (§10.1, §10.3).

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import JSZip from 'jszip';
import type { ExportContent, ExportParagraph, Span, Variant } from './model';
import { splitSpans } from './model';
import { breakTitle, textWidth } from './titleBreak';
import {
  BODY_CHAR_SPACING,
  CHAR,
  CHAR_14,
  GRID_CHAR_SPACE,
  LINE_PITCH,
  MARGIN,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  RED,
  SIZE,
  TEXT_WIDTH,
  fontTableXml,
  mm,
  pt,
  type ExportFonts,
} from './layout';

export interface LayoutOptions {
  fonts: ExportFonts;
  variant: Variant;
  /** 加盖印章: date right by 4 characters, 署名 centred over it (§7.3.5.1). Else §7.3.5.2. */
  sealed: boolean;
  /** Size of the 发文机关标志 in points; by default from its length. */
  issuerMarkSize?: number;
  /** Document title for the file properties. */
  title?: string;
}

type FontKey = 'title' | 'body' | 'hei' | 'kai' | 'song';

interface RunStyle {
  font: FontKey;
  size: number; // points
  color?: string;
  bold?: boolean;
}

function runFont(fonts: ExportFonts, key: FontKey) {
  const ea = fonts[key][0];
  const latin = key === 'song' ? ea : fonts.latin;
  return { ascii: latin, hAnsi: latin, eastAsia: ea, cs: latin, hint: 'eastAsia' };
}

function textRun(fonts: ExportFonts, text: string, style: RunStyle, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: runFont(fonts, style.font),
    size: style.size * 2,
    sizeComplexScript: style.size * 2,
    color: style.color,
    bold: style.bold || undefined,
    characterSpacing: style.size === SIZE.三号 ? BODY_CHAR_SPACING : undefined,
    ...extra,
  });
}

function spansRuns(fonts: ExportFonts, spans: Span[], style: RunStyle): TextRun[] {
  return spans.filter((s) => s.text).map((s) => textRun(fonts, s.text, { ...style, bold: style.bold || s.bold }));
}

/** Paragraph on the 28.95 pt line pitch. */
function para(opts: IParagraphOptions & { lineHeight?: number }): Paragraph {
  const { lineHeight, spacing, ...rest } = opts;
  return new Paragraph({
    ...rest,
    spacing: { line: lineHeight ?? LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0, ...spacing },
  });
}

const BODY: RunStyle = { font: 'body', size: SIZE.三号 };

/** Estimated width in twips of text set in 三号 with the body character spacing. */
function widthTwips(text: string): number {
  let w = 0;
  for (const ch of text) w += textWidth(ch) === 1 ? CHAR + BODY_CHAR_SPACING : CHAR / 2 + BODY_CHAR_SPACING;
  return w;
}

function issuerMarkSize(text: string, override?: number): number {
  if (override) return override;
  // Large and red, within the type area: 小初 to about 一号 by length.
  const w = textWidth(text.replace(/[\s\u3000]+/g, ''));
  const fit = Math.floor((TEXT_WIDTH / 20 / Math.max(w, 1)) * 0.9);
  return Math.max(SIZE.二号, Math.min(fit, 52));
}

export async function buildDocx(content: ExportContent, options: LayoutOptions): Promise<Buffer> {
  const { fonts } = options;
  const children: Array<Paragraph | Table> = [];
  const ps = content.paragraphs;
  const variant = options.variant;
  const letterHeader: Paragraph[] = [];

  // ---------------------------------------------------------------- 版头 (§7.2)
  let i = 0;
  let linesAbove = 0; // lines of 份号/密级/紧急程度 above the 发文机关标志
  const head = { mark: undefined as ExportParagraph | undefined, number: undefined as ExportParagraph | undefined };
  const topItems: ExportParagraph[] = [];
  while (i < ps.length && ['copyNumber', 'secrecy', 'urgency', 'issuerMark', 'docNumber'].includes(ps[i].role)) {
    const p = ps[i];
    if (p.role === 'issuerMark') head.mark = head.mark ? { ...head.mark, text: head.mark.text + p.text, spans: [...head.mark.spans, ...p.spans] } : p;
    else if (p.role === 'docNumber') head.number = p;
    else topItems.push(p);
    i++;
  }
  // 纪要格式: the title `XX纪要` is the red 纪要标志 when no 发文机关标志 was written.
  let minutesMarkFromTitle = false;
  if (variant === 'minutes' && !head.mark) {
    const t = ps.findIndex((p) => p.role === 'title');
    if (t >= 0) {
      minutesMarkFromTitle = true;
      head.mark = { ...ps[t], role: 'issuerMark', text: ps.filter((p) => p.role === 'title').map((p) => p.text).join('') };
    }
  }

  // 信函格式 (§10.1): the 发文字号 stands flush right on the first line under the double line,
  // beside the 份号 (or 密级) when there is one.
  let letterNumberPlaced = false;
  topItems.forEach((p, k) => {
    // 份号 6-digit Arabic; 密级, 紧急程度 三号黑体; flush left from line 1 (§7.2.1–7.2.3).
    const style: RunStyle = p.role === 'copyNumber' ? { font: 'body', size: SIZE.三号 } : { font: 'hei', size: SIZE.三号 };
    const runs = spansRuns(fonts, p.spans, style);
    const withNumber = variant === 'letter' && k === 0 && !!head.number;
    if (withNumber) {
      runs.push(new TextRun({ children: [new Tab()], size: 32 }), ...spansRuns(fonts, head.number!.spans, BODY));
      letterNumberPlaced = true;
    }
    children.push(para({ tabStops: withNumber ? [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }] : undefined, children: runs }));
    linesAbove++;
  });

  const hasHead = !!head.mark || !!head.number;
  if (head.mark) {
    const text = head.mark.text.replace(/[\s\u3000]+/g, '');
    const size = issuerMarkSize(text, options.issuerMarkSize);
    const lineHeight = pt(size * 1.15);
    const markRun = textRun(fonts, text, { font: 'title', size, color: RED });
    if (variant === 'letter') {
      // §10.1: 标志 top 30 mm from the page top, red double line 4 mm below, 170 mm long.
      letterHeader.push(
        para({ alignment: AlignmentType.CENTER, lineHeight, children: [markRun] }),
        para({
          lineHeight: mm(4),
          indent: { left: -(MARGIN.left - mm(20)), right: -(MARGIN.right - mm(20)) },
          border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 18, color: RED, space: 0 } },
          children: [],
        }),
      );
    } else {
      // §7.2.4 / §10.3: top edge 35 mm below the top of the type area.
      const before = Math.max(0, mm(35) - linesAbove * LINE_PITCH - Math.round((lineHeight - pt(size)) / 2));
      children.push(para({ alignment: AlignmentType.CENTER, lineHeight, spacing: { before }, children: [markRun] }));
    }
  }
  if (head.number) {
    const num = head.number;
    // §7.2.5: two lines below the 标志; for 上行文 left by one character with 签发人 right by one (§7.2.6).
    const before = head.mark && variant !== 'letter' ? 2 * LINE_PITCH : 0;
    if (variant === 'letter') {
      // §10.1: 发文字号 flush right under the double line.
      if (!letterNumberPlaced) children.push(para({ alignment: AlignmentType.RIGHT, children: spansRuns(fonts, num.spans, BODY) }));
    } else if (num.signer || content.upward) {
      const runs = spansRuns(fonts, num.spans, BODY);
      if (num.signer) {
        runs.push(new TextRun({ children: [new Tab()], size: 32 }));
        runs.push(textRun(fonts, '签发人：', BODY));
        runs.push(textRun(fonts, num.signer, { font: 'kai', size: SIZE.三号 }));
      }
      children.push(
        para({
          spacing: { before },
          indent: { left: CHAR, right: CHAR },
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 2 * CHAR }],
          children: runs,
        }),
      );
    } else {
      children.push(para({ alignment: AlignmentType.CENTER, spacing: { before }, children: spansRuns(fonts, num.spans, BODY) }));
    }
  }
  if (hasHead && variant === 'standard') {
    // §7.2.7: red rule 4 mm below the 发文字号, as wide as the type area.
    const glyphGap = Math.round((LINE_PITCH - pt(SIZE.三号)) / 2);
    children.push(
      para({
        lineHeight: Math.max(40, mm(4) - glyphGap),
        border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: RED, space: 0 } },
        children: [],
      }),
    );
  }

  // ---------------------------------------------------------------- 主体 (§7.3)
  let prevRole: string | undefined = hasHead ? 'rule' : undefined;
  let firstTitle = true;
  let pendingSignatures: ExportParagraph[] = [];
  const banji: ExportParagraph[] = [];
  let attachmentBodyStart = false;

  const flushSignatures = (date: ExportParagraph | undefined) => {
    if (!pendingSignatures.length && !date) return;
    placeSignature(children, fonts, pendingSignatures, date, options.sealed);
    pendingSignatures = [];
  };

  // The 署名 and 成文日期 never stand alone on a page: the paragraph before them keeps with them.
  const keepWithNext = new Set<number>();
  for (let k = i; k < ps.length; k++) {
    if (ps[k].role === 'signature' || (ps[k].role === 'date' && ps[k - 1]?.role !== 'signature')) {
      if (ps[k].role === 'date' || ps[k - 1]?.role !== 'signature') keepWithNext.add(k - 1);
    }
    if (ps[k].role === 'signature') keepWithNext.add(k);
  }

  // Space above the text that follows a title directly (no 主送): one line; two below a 纪要标志.
  const afterTitleSpace = () =>
    attachmentBodyStart ? LINE_PITCH : prevRole === 'title' ? (minutesMarkFromTitle ? 2 * LINE_PITCH : LINE_PITCH) : 0;

  for (; i < ps.length; i++) {
    const p = ps[i];
    const keepNext = keepWithNext.has(i) || undefined;
    if (p.role !== 'signature' && p.role !== 'date' && pendingSignatures.length) flushSignatures(undefined);
    switch (p.role) {
      case 'copyNumber':
      case 'secrecy':
      case 'urgency':
      case 'issuerMark':
      case 'docNumber':
      case 'signer':
        // 版头 elements out of place: print them as body lines.
        children.push(para({ children: spansRuns(fonts, p.spans, BODY) }));
        break;
      case 'title': {
        if (minutesMarkFromTitle) break;
        // §7.3.1: 二号小标宋, centred, two lines below the red rule; long titles broken.
        const lines: ExportParagraph[] = [p];
        while (i + 1 < ps.length && ps[i + 1].role === 'title') lines.push(ps[++i]);
        const texts = lines.length === 1 ? breakTitle(p.text) : lines.map((l) => l.text);
        texts.forEach((t, k) => {
          children.push(
            para({
              alignment: AlignmentType.CENTER,
              // two lines below the red rule (§7.3.1) or below the 信函 elements (§10.1)
              spacing: { before: k === 0 && firstTitle && hasHead ? 2 * LINE_PITCH : 0 },
              children: [textRun(fonts, t, { font: 'title', size: SIZE.二号 })],
            }),
          );
        });
        firstTitle = false;
        break;
      }
      case 'recipient': {
        // §7.3.2: one line below the title, flush left.
        children.push(
          para({
            spacing: { before: prevRole === 'title' ? LINE_PITCH : 0 },
            alignment: AlignmentType.JUSTIFIED,
            children: spansRuns(fonts, p.spans, BODY),
          }),
        );
        break;
      }
      case 'heading': {
        const h = p.heading!;
        const font: FontKey = h.level === 1 ? 'hei' : h.level === 2 ? 'kai' : 'body';
        const [headPart, rest] = splitSpans(p.spans, h.headLength);
        children.push(
          para({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
            keepNext: rest.length === 0 || keepNext,
            spacing: { before: afterTitleSpace() },
            children: [...spansRuns(fonts, headPart, { font, size: SIZE.三号 }), ...spansRuns(fonts, rest, BODY)],
          }),
        );
        attachmentBodyStart = false;
        break;
      }
      case 'body':
        children.push(
          para({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
            keepNext,
            spacing: { before: afterTitleSpace() },
            children: spansRuns(fonts, p.spans, BODY),
          }),
        );
        attachmentBodyStart = false;
        break;
      case 'attachmentNote': {
        // §7.3.4: one line below the body, left by two characters; names wrap under the first name character.
        const first = prevRole !== 'attachmentNote';
        const m = /^(附\s*件\s*[:：]?)\s*(\d+\s*[.．、]\s*)?/.exec(p.text);
        const label = first && m ? m[1] : '';
        const num = first ? (m?.[2] ?? '') : (/^(\d+\s*[.．、]\s*)/.exec(p.text)?.[1] ?? '');
        const bodyFrom = (first && m ? m[0].length : num.length);
        const [, name] = splitSpans(p.spans, bodyFrom);
        const labelW = 3 * CHAR; // 附件：
        const numW = num ? Math.max(widthTwips(num.trim()), CHAR) + CHAR / 2 : 0;
        const left = 2 * CHAR + labelW + numW;
        const runs: TextRun[] = [];
        if (label) runs.push(textRun(fonts, '附件：', BODY));
        if (num) {
          runs.push(textRun(fonts, num.trim(), BODY));
          runs.push(new TextRun({ children: [new Tab()], size: 32 }));
        }
        runs.push(...spansRuns(fonts, name.length ? name : p.spans, BODY));
        children.push(
          para({
            spacing: { before: first ? LINE_PITCH : 0 },
            alignment: AlignmentType.JUSTIFIED,
            keepNext,
            indent: { left, hanging: first ? labelW + numW : numW },
            tabStops: num ? [{ type: TabStopType.LEFT, position: left }] : undefined,
            children: runs,
          }),
        );
        break;
      }
      case 'signature':
        pendingSignatures.push(p);
        break;
      case 'date':
        flushSignatures(p);
        break;
      case 'annotation':
        // §7.3.6: the line after the date, left by two characters.
        children.push(para({ indent: { left: 2 * CHAR }, children: spansRuns(fonts, p.spans, BODY) }));
        break;
      case 'attendance': {
        // §10.3: 出席/请假/列席 三号黑体, names 仿宋, wrapping under the first name.
        const m = /^([^:：]{1,6}[:：])/.exec(p.text);
        const labelLen = m ? m[1].length : 0;
        const [label, names] = splitSpans(p.spans, labelLen);
        const labelW = labelLen * CHAR;
        children.push(
          para({
            spacing: { before: prevRole !== 'attendance' ? LINE_PITCH : 0 },
            alignment: AlignmentType.JUSTIFIED,
            indent: { left: 2 * CHAR + labelW, hanging: labelW },
            children: [...spansRuns(fonts, label, { font: 'hei', size: SIZE.三号 }), ...spansRuns(fonts, names, BODY)],
          }),
        );
        break;
      }
      case 'attachmentHeader':
        // §7.3.7: each attachment on a new page, `附件N` 三号黑体 on line 1.
        children.push(para({ pageBreakBefore: true, children: spansRuns(fonts, p.spans, { font: 'hei', size: SIZE.三号 }) }));
        break;
      case 'attachmentTitle': {
        const texts = breakTitle(p.text);
        texts.forEach((t, k) =>
          children.push(
            para({
              alignment: AlignmentType.CENTER,
              spacing: { before: k === 0 ? LINE_PITCH : 0 },
              children: [textRun(fonts, t, { font: 'title', size: SIZE.二号 })],
            }),
          ),
        );
        attachmentBodyStart = true;
        break;
      }
      case 'cc':
      case 'printLine':
        banji.push(p);
        break;
      case 'table':
        if (p.rows?.length) children.push(contentTable(fonts, p.rows));
        break;
    }
    prevRole = p.role === 'signature' || p.role === 'date' ? p.role : p.role;
  }
  if (pendingSignatures.length) flushSignatures(undefined);

  // ---------------------------------------------------------------- 版记 (§7.4)
  if (banji.length) {
    children.push(banjiTable(fonts, banji, variant));
  }
  // A document ends with a paragraph; keep it minimal so it never makes a page of its own.
  children.push(para({ lineHeight: 20, children: [] }));

  // ---------------------------------------------------------------- page numbers (§7.5)
  const pageNumber = (odd: boolean) =>
    new Footer({
      children: [
        new Paragraph({
          alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: odd ? { right: CHAR_14 } : { left: CHAR_14 },
          spacing: { line: pt(SIZE.四号 * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: runFont(fonts, 'song'),
              size: SIZE.四号 * 2,
            }),
          ],
        }),
      ],
    });

  const footers: { default: Footer; even: Footer; first?: Footer } = { default: pageNumber(true), even: pageNumber(false) };
  let headers: { first?: Header } | undefined;
  if (variant === 'letter') {
    // §10.1: no page number on page 1; red double line 20 mm above the page bottom.
    footers.first = new Footer({
      children: [
        para({
          lineHeight: mm(4),
          indent: { left: -(MARGIN.left - mm(20)), right: -(MARGIN.right - mm(20)) },
          border: { bottom: { style: BorderStyle.THIN_THICK_SMALL_GAP, size: 18, color: RED, space: 0 } },
          children: [],
        }),
      ],
    });
    headers = { first: new Header({ children: letterHeader.length ? letterHeader : [new Paragraph({})] }) };
  }

  // The 7 mm gap between the type area and the page number line (§7.5): the footer's
  // line sits 7 mm below the type area; its bottom is one 四号 line lower.
  const footerDistance = variant === 'letter' ? mm(20) : MARGIN.bottom - mm(7) - pt(SIZE.四号 * 1.2);

  const doc = new Document({
    title: options.title,
    creator: '公文助手',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: runFont(fonts, 'body'), size: 32, sizeComplexScript: 32, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        },
      },
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: runFont(fonts, 'body'), size: 32, sizeComplexScript: 32 },
          paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: AlignmentType.JUSTIFIED },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: {
              top: MARGIN.top,
              bottom: MARGIN.bottom,
              left: MARGIN.left,
              right: MARGIN.right,
              header: variant === 'letter' ? mm(30) : mm(15),
              footer: footerDistance,
              gutter: 0,
            },
          },
          grid: { type: 'linesAndChars', linePitch: LINE_PITCH, charSpace: GRID_CHAR_SPACE },
          titlePage: variant === 'letter' || undefined,
        },
        headers,
        footers,
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return postProcess(buffer, fonts);
}

/**
 * 署名 and 成文日期 (§7.3.5). Sealed: date right by 4 characters, 署名 centred
 * over the date, the seal's room above. Unsealed: 署名 right by 2 characters, the
 * date one line below, starting 2 characters right of the 署名's first character.
 */
function placeSignature(children: Array<Paragraph | Table>, fonts: ExportFonts, sigs: ExportParagraph[], date: ExportParagraph | undefined, sealed: boolean): void {
  const keepNext = date ? true : undefined;
  const dateW = date ? widthTwips(date.text) : 0;
  if (sealed) {
    const rightOfDate = 4 * CHAR;
    sigs.forEach((s, k) => {
      const sigW = widthTwips(s.text);
      const centre = date ? TEXT_WIDTH - rightOfDate - dateW / 2 : TEXT_WIDTH - rightOfDate - sigW / 2;
      const half = Math.max(sigW, dateW) / 2 + CHAR / 2;
      let right = Math.round(TEXT_WIDTH - (centre + half));
      let left = Math.round(centre - half);
      if (right < 0) {
        left += right;
        right = 0;
      }
      children.push(
        para({
          alignment: AlignmentType.CENTER,
          keepNext: keepNext || k < sigs.length - 1 || undefined,
          indent: { left: Math.max(0, left), right },
          spacing: { before: k === 0 ? 2 * LINE_PITCH : 0 },
          children: spansRuns(fonts, s.spans, BODY),
        }),
      );
    });
    if (date) {
      children.push(
        para({
          alignment: AlignmentType.RIGHT,
          indent: { right: rightOfDate },
          spacing: { before: sigs.length ? 0 : 2 * LINE_PITCH },
          children: spansRuns(fonts, date.spans, BODY),
        }),
      );
    }
    return;
  }
  // Unsealed (§7.3.5.2).
  const sigW = Math.max(0, ...sigs.map((s) => widthTwips(s.text)));
  const sigLeft = TEXT_WIDTH - 2 * CHAR - sigW;
  sigs.forEach((s, k) =>
    children.push(
      para({
        alignment: AlignmentType.RIGHT,
        keepNext: keepNext || k < sigs.length - 1 || undefined,
        indent: { right: 2 * CHAR },
        spacing: { before: k === 0 ? LINE_PITCH : 0 },
        children: spansRuns(fonts, s.spans, BODY),
      }),
    ),
  );
  if (date) {
    const left = sigs.length ? Math.max(0, sigLeft + 2 * CHAR) : TEXT_WIDTH - 2 * CHAR - dateW;
    children.push(
      para({
        indent: { left: Math.round(Math.min(left, TEXT_WIDTH - dateW)) },
        spacing: { before: sigs.length ? 0 : LINE_PITCH },
        children: spansRuns(fonts, date.spans, BODY),
      }),
    );
  }
}

/** A table of the draft (GFM): full type-area width, thin rules, 四号仿宋, header row 黑体. */
function contentTable(fonts: ExportFonts, rows: Span[][][]): Table {
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = new Array(cols).fill(Math.floor(TEXT_WIDTH / cols));
  widths[cols - 1] = TEXT_WIDTH - widths[0] * (cols - 1);
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const trows = rows.map(
    (row, r) =>
      new TableRow({
        tableHeader: r === 0 || undefined,
        cantSplit: true,
        children: widths.map(
          (w, c) =>
            new TableCell({
              width: { size: w, type: WidthType.DXA },
              margins: { left: 80, right: 80, top: 40, bottom: 40 },
              verticalAlign: 'center',
              children: [
                new Paragraph({
                  alignment: r === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
                  spacing: { line: pt(SIZE.四号 * 1.5), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
                  children: spansRuns(fonts, row[c] ?? [], { font: r === 0 ? 'hei' : 'body', size: SIZE.四号 }),
                }),
              ],
            }),
        ),
      }),
  );
  return new Table({
    rows: trows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
}

/**
 * 版记 (§7.4): 抄送 and 印发机关和印发日期 in 四号仿宋, between rules as wide
 * as the type area (first and last 0.35 mm, middle 0.25 mm), floating at the
 * bottom of the type area of the last page. 信函格式 (§10.1): no 印发 line, no rules.
 */
function banjiTable(fonts: ExportFonts, items: ExportParagraph[], variant: Variant): Table {
  const style: RunStyle = { font: 'body', size: SIZE.四号 };
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' }; // 1 pt ≈ 0.35 mm
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' }; // 0.75 pt ≈ 0.26 mm
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const ruled = variant !== 'letter';
  const rows = items.filter((p) => ruled || p.role !== 'printLine');
  const cellWidth = TEXT_WIDTH;
  const textWidthInCell = cellWidth - 2 * CHAR_14;
  const trows = rows.map((p, k) => {
    let content: Paragraph;
    if (p.role === 'cc') {
      // 抄送：… left and right by one character; continuation lines under the first name.
      const m = /^抄[ \u3000]*送[ \u3000]*[:：]\s*/.exec(p.text);
      const [, rest] = splitSpans(p.spans, m ? m[0].length : 0);
      const label = 3 * CHAR_14;
      content = new Paragraph({
        spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        indent: { left: label, hanging: label },
        alignment: AlignmentType.JUSTIFIED,
        children: [textRun(fonts, '抄送：', style), ...spansRuns(fonts, rest, style)],
      });
    } else {
      // 印发机关 left by one character, 印发日期 right by one character.
      const m = /^(.*?)[\s\u3000]*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发)$/.exec(p.text);
      const organ = m ? m[1] : p.text;
      const date = m ? m[2] : '';
      content = new Paragraph({
        spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        tabStops: [{ type: TabStopType.RIGHT, position: textWidthInCell }],
        children: [
          textRun(fonts, organ, style),
          ...(date ? [new TextRun({ children: [new Tab()], size: 28 }), textRun(fonts, date, style)] : []),
        ],
      });
    }
    const first = k === 0;
    const last = k === rows.length - 1;
    return new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          width: { size: cellWidth, type: WidthType.DXA },
          margins: { left: CHAR_14, right: CHAR_14, top: 0, bottom: 0 },
          borders: ruled
            ? { top: first ? thick : thin, bottom: last ? thick : thin, left: none, right: none }
            : { top: none, bottom: none, left: none, right: none },
          children: [content],
        }),
      ],
    });
  });
  return new Table({
    rows: trows,
    width: { size: cellWidth, type: WidthType.DXA },
    columnWidths: [cellWidth],
    layout: TableLayoutType.FIXED,
    borders: {
      top: none,
      bottom: none,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    },
    float: {
      // Anchored to the page at the left margin rather than centred on the margin: LibreOffice
      // keeps a floating table as wide as the text area inline (and so loses its position)
      // unless its horizontal position is relative to the page.
      horizontalAnchor: 'page',
      absoluteHorizontalPosition: MARGIN.left,
      verticalAnchor: 'margin',
      relativeVerticalPosition: 'bottom',
      overlap: 'never',
    },
  });
}

/**
 * Settle what the docx package does not write: paragraphs that do not snap to
 * the character grid (see BODY_CHAR_SPACING), the font table with fallbacks,
 * and uncompressed CJK punctuation.
 */
async function postProcess(buffer: Buffer, fonts: ExportFonts): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n));
  for (const name of parts) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, noGridSnap(xml));
  }
  zip.file('word/fontTable.xml', fontTableXml(fonts));
  const settings = zip.file('word/settings.xml');
  if (settings) {
    let xml = await settings.async('string');
    if (!xml.includes('characterSpacingControl')) {
      xml = xml.replace(/(<w:compat>|<w:compat\/>)/, '<w:characterSpacingControl w:val="doNotCompress"/>$1');
    }
    zip.file('word/settings.xml', xml);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Add `<w:snapToGrid w:val="0"/>` to every paragraph's properties (before w:spacing, as the schema orders it). */
export function noGridSnap(xml: string): string {
  return xml.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/g, (whole, inner: string) => {
    if (inner.includes('<w:snapToGrid')) return whole;
    const at = inner.search(/<w:spacing (?!w:val)/);
    if (at < 0) return whole;
    return `<w:pPr>${inner.slice(0, at)}<w:snapToGrid w:val="0"/>${inner.slice(at)}</w:pPr>`;
  });
}
