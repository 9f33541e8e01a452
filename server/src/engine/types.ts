// Core types of the checking engine. Nothing here knows about LSP or VS Code:
// offsets are UTF-16 code-unit offsets into the source string.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type Category =
  | 'typo'
  | 'punctuation'
  | 'number'
  | 'structure'
  | 'heading'
  | 'doctype'
  | 'wording';

export const CATEGORIES: readonly Category[] = [
  'typo',
  'punctuation',
  'number',
  'structure',
  'heading',
  'doctype',
  'wording',
];

export type DocFormat = 'markdown' | 'plaintext';

/** Replace source[start, end) by newText. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** Chinese, shown as the quick-fix title, e.g. `改为“：”`. */
  title: string;
  edits: Edit[];
}

/**
 * A run of visible text (a Markdown paragraph, heading, list item, table cell,
 * or a plain-text line) with every character mapped back to the source.
 */
export interface TextBlock {
  kind: BlockKind;
  /** Markdown heading depth (1–6) for kind 'heading'. */
  depth?: number;
  /** Visible text, markup removed, ordinals kept. */
  text: string;
  /**
   * offsets[i] is the source offset of text[i]; offsets[text.length] is the
   * source offset just after the last visible character.
   */
  offsets: Int32Array;
  /** Source range the block covers (including its markup). */
  start: number;
  end: number;
  /** Index ranges [from, to) into `text`, one per source line of the block. */
  lines: Array<{ from: number; to: number }>;
}

export type BlockKind = 'paragraph' | 'heading' | 'listItem' | 'tableCell' | 'line';

/**
 * One source line's visible text. Structure recognition works line by line,
 * because a 公文 is written the way it is printed.
 */
export interface TextLine {
  text: string;
  offsets: Int32Array;
  /** Index of the block this line belongs to. */
  block: number;
  /** Index of the line's first character inside its block's text. */
  blockFrom: number;
  /** 0-based source line number of the line's first visible character. */
  sourceLine: number;
}

/** An HTML comment (Markdown) or a `<!-- … -->` line (plain text). */
export interface SourceComment {
  /** Comment body without `<!--` and `-->`, trimmed. */
  body: string;
  start: number;
  end: number;
  /** 0-based source lines of the comment's start and end. */
  line: number;
  endLine: number;
}

export interface TextModel {
  source: string;
  format: DocFormat;
  blocks: TextBlock[];
  /** All lines of all blocks, in source order. */
  lines: TextLine[];
  comments: SourceComment[];
  /** Parsed YAML front matter (Markdown only), if any. */
  frontMatter?: Record<string, unknown>;
  /** A message when front matter is present but cannot be parsed. */
  frontMatterError?: string;
  /** Set when the draft could not be read as its format and was checked another way (e.g. Markdown too deeply nested, checked as plain text). */
  notice?: string;
  /** Source offsets at which each source line starts. */
  lineStarts: number[];
}

// ---------------------------------------------------------------------------
// 公文 structure (GB/T 9704 §7)

/**
 * What a host that knows the layout of a draft (a Word document's look) may
 * say of one of its lines (`CheckOptions.lineRoles`): `issuerMark`, the line
 * is printed as the 发文机关标志 (red, large or centred, at the top);
 * `date`, the line is printed as the 成文日期 (a right-aligned date after
 * the body). A hint only decides what the content leaves open.
 */
export type LineRole = 'issuerMark' | 'date';

export type ElementKind =
  | 'copyNumber' // 份号
  | 'secrecy' // 密级和保密期限
  | 'urgency' // 紧急程度
  | 'issuerMark' // 发文机关标志
  | 'docNumber' // 发文字号 (may carry 签发人 on the same line)
  | 'signer' // 签发人 on its own line
  | 'title' // 标题 (may span several lines)
  | 'recipient' // 主送机关
  | 'heading' // 正文 heading 一、（一）1.（1）
  | 'body' // 正文 paragraph
  | 'attachmentNote' // 附件说明 (first line and continuation lines)
  | 'signature' // 发文机关署名
  | 'date' // 成文日期
  | 'annotation' // 附注
  | 'attachmentHeader' // 附件N heading of an attachment page
  | 'attendance' // 纪要: 出席 / 请假 / 列席
  | 'cc' // 抄送
  | 'printLine'; // 印发机关和印发日期

/** The statutory 文种 (条例 第八条) plus 纪要. */
export type DocType =
  | '决议'
  | '决定'
  | '命令'
  | '令'
  | '公报'
  | '公告'
  | '通告'
  | '意见'
  | '通知'
  | '通报'
  | '报告'
  | '请示'
  | '批复'
  | '议案'
  | '函'
  | '纪要';

export type HeadingStyle =
  | 'chinese' // 一、
  | 'chineseParen' // （一）
  | 'arabic' // 1.
  | 'arabicParen'; // （1）

export interface HeadingInfo {
  /** Index into TextModel.lines. */
  line: number;
  /** 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, by style. */
  level: 1 | 2 | 3 | 4;
  style: HeadingStyle;
  /** The ordinal's numeric value (一 → 1, 十二 → 12). */
  value: number;
  /** [from, to) of the whole marker in the line text, e.g. `（一）` or `1.`. */
  markerFrom: number;
  markerTo: number;
  /** True when the heading is the whole line (no run-in paragraph text after it). */
  standalone: boolean;
}

export interface DocElement {
  kind: ElementKind;
  /** Indexes into TextModel.lines, in order. */
  lines: number[];
}

export interface DocStructure {
  /** 文种, from front matter or else from the title. */
  docType?: DocType;
  docTypeSource?: 'frontMatter' | 'title';
  /** The title text with its lines joined. */
  titleText?: string;
  elements: DocElement[];
  /** Parallel to TextModel.lines: the element kind of each line, if any. */
  lineKinds: Array<ElementKind | undefined>;
  headings: HeadingInfo[];
  /** Front matter metadata recognised by the structure pass (文种, 发文机关, …). */
  meta: Record<string, string>;
}

// ---------------------------------------------------------------------------
// Rules

export interface RuleMeta {
  /** `category/name`, kebab-case. */
  id: string;
  category: Category;
  severity: Severity;
  /** Whether the rule's fixes are certain enough for fix-all. */
  safeFix: boolean;
  /** One-line Chinese description. */
  description: string;
  /** The clause it enforces, e.g. `GB/T 9704-2012 §7.2.5`. */
  clause: string;
  /** Optional longer Chinese explanation with examples, for the rule docs. */
  details?: string;
  /** Examples for the generated documentation: wrong form → right form. */
  examples?: Array<{ bad: string; good: string }>;
}

/** What a rule reports. Offsets are source offsets. */
export interface Report {
  start: number;
  end: number;
  /** Chinese: what is wrong and what to write instead. */
  message: string;
  fixes?: Fix[];
  /** Overrides the rule's default severity for this finding. */
  severity?: Severity;
  /** Overrides meta.safeFix for this finding's first fix. */
  safe?: boolean;
  /**
   * A statistical guess that the document itself can overrule: dropped when
   * the flagged text occurs DELIBERATE_REPEATS times or more in the document
   * (a form the writer uses again and again is a choice, not a slip).
   */
  deliberateIfRepeated?: boolean;
}

export interface Finding {
  ruleId: string;
  category: Category;
  start: number;
  end: number;
  message: string;
  severity: Severity;
  fixes: Fix[];
  /** True when fixes[0] may be applied by fix-all. */
  safe: boolean;
  clause: string;
}

/** Options a rule may read; assembled from config by the runner. */
export interface RuleOptions {
  /** Words the user accepted: never reported by typo rules. */
  acceptedWords: ReadonlySet<string>;
  /** Absolute paths of extra dictionaries (same format as the built-in one). */
  dictionaries: readonly string[];
  /** Confusable-character detector on/off. */
  detector: boolean;
  /** Per-rule free-form options from config (`rules: { id: { options } }`). */
  ruleOptions: Readonly<Record<string, unknown>>;
}

export interface BlockContext {
  model: TextModel;
  options: RuleOptions;
  report(r: Report): void;
}

export interface DocumentContext extends BlockContext {
  structure: DocStructure;
}

/**
 * A rule checks either each prose block on its own (`block`, results may be
 * cached per block text) or the whole document with its structure
 * (`document`), or both. Rules know nothing of each other.
 */
export interface Rule {
  meta: RuleMeta;
  block?(block: TextBlock, ctx: BlockContext): void;
  document?(ctx: DocumentContext): void;
}

/** A problem with configuration or data, reported to the user, never thrown. */
export interface ConfigProblem {
  file: string;
  message: string;
}
