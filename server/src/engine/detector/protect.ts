// Spans the detector must not "correct": person, place, organisation and
// route (road, railway, bridge) names, quoted words and titles in 书名号,
// characters next to Latin letters or digits, parallel enumeration items, and
// the user's accepted words.
//
// Two levels per character of a block's text:
//   HARD: no correction may touch the character (names, quotes, accepted words);
//   SOFT: the character itself is not replaced, but a corrected word may
//         include it (the name part before a place or organisation suffix,
//         characters next to Latin or digits).

import { getLexicon, wordLogp } from './lexicon';
import { isRunChar } from './han';

export const FREE = 0;
export const SOFT = 1;
export const HARD = 2;

/** Common single-character surnames (the most frequent ~120 in the population registers). */
export const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝代步具郁蔺母杭洪封储鞠阚厉揭冀钮荆支伏邰丰官鄢鹿谈帅逯狄都井练勾盖淡',
]);
const SURNAME_CODE = new Uint8Array(0x10000);
for (const c of SURNAMES) SURNAME_CODE[c.charCodeAt(0)] = 1;
export const DOUBLE_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '令狐', '司徒', '夏侯', '宇文', '端木'];

/** Titles and forms of address that stand next to a person's name. */
export const TITLES = [
  '同志', '先生', '女士', '主任', '副主任', '书记', '副书记', '总书记', '主席', '副主席', '总理', '副总理',
  '国务委员', '委员', '部长', '副部长', '省长', '副省长', '市长', '副市长', '县长', '副县长', '区长', '副区长',
  '镇长', '乡长', '村长', '局长', '副局长', '厅长', '副厅长', '处长', '副处长', '科长', '司长', '副司长',
  '院长', '副院长', '校长', '副校长', '所长', '站长', '队长', '组长', '秘书长', '副秘书长', '主任委员',
  '董事长', '总经理', '经理', '理事长', '会长', '社长', '行长', '大使', '参赞', '领事', '教授', '研究员',
  '院士', '专家', '记者', '代表', '检察长', '庭长', '审判员', '法官', '检察官', '警官', '主编', '总监',
  '老师', '同学', '师傅', '烈士', '总工程师', '工程师', '政委', '司令员', '参谋长', '指导员',
];
/** Verbs and words that introduce a person's name in 任免 and similar texts. */
/** Verbs that typically follow a person's name in official texts. */
export const NAME_FOLLOWERS = ['主持', '兼任', '讲话', '指出', '强调', '表示', '出席', '签发', '签批'];
export const NAME_INTRODUCERS = ['由', '任命', '免去', '任', '免', '聘任', '聘请', '选举', '推选', '提名', '授予', '追授', '表彰', '批准', '签发人', '联系人', '负责人', '经办人', '报告人', '发言人', '主持人', '出席', '列席', '请假', '记录'];

/** Place suffixes: the characters before them are a place name. */
export const PLACE_SUFFIXES = ['自治区', '自治州', '自治县', '特别行政区', '街道', '省', '市', '县', '区', '乡', '镇', '村', '州', '盟', '旗'];
/** Organisation suffixes. */
export const ORG_SUFFIXES = [
  '委员会', '办公室', '办公厅', '研究院', '研究所', '研究中心', '中心', '公司', '集团', '协会', '学会', '商会',
  '联合会', '基金会', '银行', '大学', '学院', '学校', '医院', '法院', '检察院', '出版社', '报社', '电视台',
  '工作组', '小组', '事务所', '合作社', '派出所', '管委会', '居委会', '村委会', '社区', '小区', '医院', '公司',
  '局', '厅', '委', '署', '站', '司', '科',
];
/**
 * Suffixes of roads, railways, bridges and tunnels, longest forms first
 * (a list is searched in order): the characters before them are a route name.
 */
export const ROUTE_SUFFIXES = [
  '高速公路', '高速铁路', '城际铁路', '城际轨道', '轨道交通', '快速通道', '快速路', '绕城高速', '高速', '高铁',
  '铁路', '公路', '国道', '省道', '大道', '大街', '大桥', '特大桥', '隧道', '干线', '支线', '环线', '连接线', '运河', '航道',
];
/** Verbs of motion or growth after which 高速 is the adverb "at high speed" (高速发展), not a road. */
const ADVERB_FOLLOWERS = [
  '发展', '增长', '运行', '运转', '行驶', '运动', '前进', '推进', '扩张', '成长', '攀升', '上升', '提升', '流动',
  '传输', '旋转', '移动', '飞行', '下降', '增加', '扩大', '膨胀', '奔驰', '行进', '推动', '转动', '通行',
];
/** Multi-character suffixes, also recognised at the end of a longer token (有限公司, 服务中心). */
const MULTI_SUFFIXES = [...ORG_SUFFIXES, ...PLACE_SUFFIXES].filter((x) => x.length >= 2);

const OPEN_QUOTES: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '「': '」', '『': '』', '〈': '〉', '"': '"' };

const QUOTE_CODES = new Set(Object.keys(OPEN_QUOTES).map((q) => q.charCodeAt(0)));

function isLatinOrDigit(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

function mark(mask: Uint8Array, from: number, to: number, level: number): void {
  for (let i = Math.max(0, from); i < Math.min(mask.length, to); i++) if (mask[i] < level) mask[i] = level;
}

/**
 * Block-level protection (quotes, Latin/digits, accepted words). Name
 * patterns need the segmentation and are added per run by the detector.
 */
export function blockProtection(text: string, acceptedWords: ReadonlySet<string>): Uint8Array {
  const mask = new Uint8Array(text.length);
  // Quoted spans and 书名号 titles (a quote left open protects to the end).
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!QUOTE_CODES.has(code)) continue;
    const close = OPEN_QUOTES[text[i]];
    let j = text.indexOf(close, i + 1);
    if (j < 0) j = text.length;
    mark(mask, i + 1, j, HARD);
    i = j;
  }
  for (let i = 0; i < text.length; i++) {
    if (isLatinOrDigit(text.charCodeAt(i))) {
      mark(mask, i - 1, i, SOFT);
      mark(mask, i + 1, i + 2, SOFT);
    }
  }
  parallelItems(text, mask);
  for (const w of acceptedWords) {
    if (!w) continue;
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) mark(mask, i, i + w.length, HARD);
  }
  return mask;
}

/**
 * Parallel items of an enumeration (排比): neighbours separated by 、 that have
 * the same length (2–4 Han characters) and the same characters at the same
 * place, at least half of them (治企有方、兴企有为; 述学、评学、考学), are built on one
 * pattern, chosen character by character: like the repetition frames, they
 * are not slips, and their coinages look like slips to a word model. The
 * first item is the end of its clause and the last the start of its own,
 * aligned on the length of the whole item next to them.
 */
function parallelItems(text: string, mask: Uint8Array): void {
  const isWord = (w: string): boolean => wordLogp(getLexicon(), w) !== undefined;
  for (let d = text.indexOf('、'); d >= 0; d = text.indexOf('、', d + 1)) {
    // The item after the mark: Han characters up to the next punctuation.
    let e = d + 1;
    while (e < text.length && isRunChar(text.charCodeAt(e))) e++;
    // The item before: Han characters back to the previous punctuation.
    let b = d;
    while (b > 0 && isRunChar(text.charCodeAt(b - 1))) b--;
    const after = e - (d + 1);
    const before = d - b;
    const closedAfter = text[e] === '、';
    const closedBefore = b > 0 && text[b - 1] === '、';
    // The length of the whole item on either side fixes the alignment.
    let len = 0;
    if (closedAfter && after >= 2 && after <= 4 && before >= after) len = after;
    else if (closedBefore && before >= 2 && before <= 4 && after >= before) len = before;
    else if (!closedAfter && !closedBefore) {
      // Two items: the shorter side is the whole item (兴企有道、强企有方。).
      const m = Math.min(before, after);
      if (m >= 2 && m <= 4) len = m;
    }
    if (!len) continue;
    const x = d - len;
    const y = d + 1;
    // Shared characters, not counting a shared word (堂务会议、全体会议 share
    // the head word 会议, not a pattern).
    let shared = 0;
    for (let k = 0; k < len; ) {
      if (text[x + k] !== text[y + k]) {
        k++;
        continue;
      }
      let m = k;
      while (m < len && text[x + m] === text[y + m]) m++;
      if (m - k === 1 || !isWord(text.slice(x + k, x + m))) shared += m - k;
      k = m;
    }
    if (shared * 2 < len) continue;
    mark(mask, x, d, SOFT);
    mark(mask, y, y + len, SOFT);
  }
}

/** A word list indexed by first and by last character (each bucket keeps the list's order). */
interface WordIndex {
  byFirst: Map<number, string[]>;
  byLast: Map<number, string[]>;
  /** This index's bit in FIRST_BITS/LAST_BITS (a cheap test before the Map). */
  bit: number;
}
/** FIRST_BITS[code] / LAST_BITS[code]: which indexes hold a word starting / ending with code. */
const FIRST_BITS = new Uint16Array(0x10000);
const LAST_BITS = new Uint16Array(0x10000);
let nextBit = 0;
function indexWords(list: readonly string[]): WordIndex {
  const byFirst = new Map<number, string[]>();
  const byLast = new Map<number, string[]>();
  if (nextBit >= 16) throw new Error('protect.ts: more word indexes than FIRST_BITS has bits');
  const bit = 1 << nextBit++;
  for (const w of list) {
    const f = w.charCodeAt(0);
    const l = w.charCodeAt(w.length - 1);
    FIRST_BITS[f] |= bit;
    LAST_BITS[l] |= bit;
    if (!byFirst.has(f)) byFirst.set(f, []);
    byFirst.get(f)!.push(w);
    if (!byLast.has(l)) byLast.set(l, []);
    byLast.get(l)!.push(w);
  }
  return { byFirst, byLast, bit };
}
const TITLES_IX = indexWords(TITLES);
const FOLLOWERS_IX = indexWords(NAME_FOLLOWERS);
const INTRODUCERS_IX = indexWords(NAME_INTRODUCERS);
const ORG_IX = indexWords(ORG_SUFFIXES);
const PLACE_IX = indexWords(PLACE_SUFFIXES);
const MULTI_IX = indexWords(MULTI_SUFFIXES);
const DOUBLE_IX = indexWords(DOUBLE_SURNAMES);
const ROUTE_IX = indexWords(ROUTE_SUFFIXES);
const ADVERB_FOLLOWERS_IX = indexWords(ADVERB_FOLLOWERS);

/** The first word of the list (in list order) that s has at `at`. */
function startsWithAny(s: string, at: number, ix: WordIndex): string | undefined {
  const code = s.charCodeAt(at);
  if (!(FIRST_BITS[code] & ix.bit)) return undefined;
  const list = ix.byFirst.get(code);
  if (list) for (const w of list) if (s.startsWith(w, at)) return w;
  return undefined;
}
/** The first word of the list (in list order) that s has ending at `at`. */
function endsWithAny(s: string, at: number, ix: WordIndex): string | undefined {
  if (at <= 0) return undefined;
  const code = s.charCodeAt(at - 1);
  if (!(LAST_BITS[code] & ix.bit)) return undefined;
  const list = ix.byLast.get(code);
  if (list) for (const w of list) if (at - w.length >= 0 && s.startsWith(w, at - w.length)) return w;
  return undefined;
}
/** The first word of the list (in list order) that is a proper suffix of s[from, to). */
function properSuffix(s: string, from: number, to: number, ix: WordIndex): string | undefined {
  if (to <= from) return undefined;
  const code = s.charCodeAt(to - 1);
  if (!(LAST_BITS[code] & ix.bit)) return undefined;
  const list = ix.byLast.get(code);
  if (list) for (const w of list) if (to - w.length > from && s.startsWith(w, to - w.length)) return w;
  return undefined;
}

export interface RunInfo {
  /** The run of Han characters. */
  text: string;
  /** Tokens of the best segmentation. */
  tokens: Array<[number, number]>;
  tokenOf: Int32Array;
  /** Whether token t is a "weak" token: a single character or a rare word. */
  weak: (t: number) => boolean;
  /** Name tag of token t's word, if any. */
  nameTag: (t: number) => string | undefined;
  /** Whether a string is a word of the lexicon. */
  isWord: (w: string) => boolean;
}

/**
 * Name protection within one run of Han characters (run mask indexes are
 * run-relative). `atStart`/`atEnd`: whether the run starts/ends at a block
 * boundary or punctuation (always true for runs, kept for clarity).
 */
export function runProtection(run: RunInfo, mask: Uint8Array): void {
  const s = run.text;
  const n = s.length;
  const { tokens, tokenOf } = run;

  // Words tagged as names in the lexicon (jieba nr/ns/nt).
  for (let t = 0; t < tokens.length; t++) {
    if (run.nameTag(t)) mark(mask, tokens[t][0], tokens[t][1], SOFT);
  }

  // Weak characters: single-character or rare tokens (what an unknown name looks like).
  const weakAt = (i: number): boolean => i >= 0 && i < n && run.weak(tokenOf[i]);

  // Five or more single characters in a row form no words at all: a
  // transliterated name (盖尔加斯提巴努木) or a term the lexicon lacks, not a slip,
  // which leaves one or two stray characters inside known words.
  for (let i = 0; i < n; ) {
    if (tokens[tokenOf[i]][1] - tokens[tokenOf[i]][0] !== 1) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && tokens[tokenOf[j]][1] - tokens[tokenOf[j]][0] === 1) j++;
    if (j - i >= 5) mark(mask, i, j, HARD);
    i = j;
  }

  // Surname + 1–2 given-name characters, bounded on the left by the run start,
  // a title or a name introducer, and on the right by the run end, a title, or 同志/等.
  for (let p = 0; p < n; p++) {
    const dbl = startsWithAny(s, p, DOUBLE_IX);
    if (!dbl && !SURNAME_CODE[s.charCodeAt(p)]) continue;
    // A title or name introducer on the left, or a title / 同志 / 等 on the
    // right, marks a name; a run that is nothing but surname + given name
    // (a name between punctuation marks, as in lists) too.
    const leftStrong = !!endsWithAny(s, p, TITLES_IX) || !!endsWithAny(s, p, INTRODUCERS_IX);
    // A married woman's name may put her husband's surname before her own
    // (冠夫姓: 陈冯富珍, 范徐丽泰): two single surnames as single characters, then the given name.
    const married = !dbl && weakAt(p) && p + 1 < n && SURNAME_CODE[s.charCodeAt(p + 1)] === 1 && weakAt(p + 1) && tokenOf[p + 1] !== tokenOf[p];
    for (const sl of dbl ? [2] : married ? [1, 2] : [1]) {
      for (const given of [1, 2]) {
        const end = p + sl + given;
        if (end > n) continue;
        let weak = true;
        for (let i = p + sl; i < end; i++) if (!weakAt(i)) weak = false;
        if (!weak) continue;
        const rightStrong = !!startsWithAny(s, end, TITLES_IX) || !!startsWithAny(s, end, FOLLOWERS_IX) || s.startsWith('等', end);
        const wholeRun = p === 0 && (end === n || s.startsWith('为', end));
        if (leftStrong || rightStrong || wholeRun) mark(mask, p, end, HARD);
      }
    }
  }
  // A title right after two or three weak characters marks them as a name even without a known surname.
  for (let j = 1; j < n; j++) {
    if (!startsWithAny(s, j, TITLES_IX)) continue;
    let k = j;
    while (k > 0 && j - k < 3 && weakAt(k - 1)) k--;
    if (j - k >= 2) mark(mask, k, j, HARD);
  }

  // Place and organisation suffixes standing as their own token: the weak
  // characters before them (up to 3) are the name part. Single-character
  // suffixes that are also everyday words (部, 处, 所, 院, 会, 山, 河, 路…) are
  // left out: they protect too much ordinary text.
  for (let j = 1; j < n; j++) {
    const t = tokenOf[j];
    if (tokens[t][0] !== j) continue;
    const suf =
      startsWithAny(s, j, ORG_IX) ??
      startsWithAny(s, j, PLACE_IX) ??
      properSuffix(s, j, tokens[t][1], MULTI_IX);
    if (!suf) continue;
    // The suffix must be a token of its own (市 in 市场 is not a suffix), or be
    // followed by a word the segmenter glued it to (镇党委 = 镇 + 党委).
    const tokEnd = tokens[t][1];
    const tok = s.slice(j, tokEnd);
    const ownToken =
      tokEnd <= j + suf.length ||
      (suf.length === 1 && run.isWord(s.slice(j + 1, tokEnd))) ||
      // A word that ends in a multi-character suffix (有限公司, 服务中心, 中医院).
      (tok.length > 2 && MULTI_SUFFIXES.some((x) => tok.endsWith(x)));
    if (!ownToken) continue;
    // Company and institution names put a line of business between the name
    // and the suffix (世杰科技有限公司, 宏达建设集团, 某某股权投资基金管理有限公司):
    // skip the two established words next to the suffix, whatever they are
    // (up to 4 characters each), and further ones, up to MAX_BUSINESS_WORDS
    // in all, while they are common words of a line of business.
    let end = j;
    if (COMPANY_SUFFIXES.some((x) => tok.endsWith(x))) {
      for (let w = 0; w < MAX_BUSINESS_WORDS && end > 0 && !weakAt(end - 1); w++) {
        const [x, y] = tokens[tokenOf[end - 1]];
        if (!businessWords(s, x, y) && (w >= 2 || y - x > 4)) break;
        end = x;
      }
    }
    let k = end;
    while (k > 0 && end - k < 3 && (weakAt(k - 1) || run.nameTag(tokenOf[k - 1]))) k--;
    mark(mask, k, end, SOFT);
  }

  // Roads, railways, bridges and tunnels: the weak characters (up to 4)
  // before a route suffix are its name, mostly abbreviations of the places it
  // links (京昆高速, 沪蓉高速公路, 某某大桥). The suffix starts a token and ends
  // at a token boundary (快速路 is 快速|路); a bare 高速 followed by a verb of
  // motion or growth is the adverb (高速发展), not a road.
  for (let j = 1; j < n; j++) {
    if (tokens[tokenOf[j]][0] !== j) continue;
    const suf = startsWithAny(s, j, ROUTE_IX);
    if (!suf) continue;
    const e = j + suf.length;
    if (e < n && tokens[tokenOf[e]][0] !== e) continue;
    if (suf === '高速' && startsWithAny(s, e, ADVERB_FOLLOWERS_IX)) continue;
    let k = j;
    while (k > 0 && j - k < 4 && (weakAt(k - 1) || run.nameTag(tokenOf[k - 1]))) k--;
    mark(mask, k, j, SOFT);
  }
}

/** Suffixes of company and institution names, which may follow a line of business. */
const COMPANY_SUFFIXES = ['公司', '集团', '研究院', '研究所', '中心', '协会', '学会', '商会', '事务所', '合作社', '出版社'];

/** At most this many words of line of business stand between a company's name and its suffix. */
const MAX_BUSINESS_WORDS = 5;

/**
 * Common words of a company's line of business and legal form (产业基金管理有限公司,
 * 投资控股集团有限公司): general vocabulary of company names, not names.
 */
export const BUSINESS_WORDS = [
  '产业', '基金', '管理', '投资', '控股', '股权', '股份', '集团', '有限', '责任', '科技', '发展', '建设', '实业',
  '贸易', '商贸', '咨询', '服务', '工程', '技术', '能源', '资产', '金融', '信息', '文化', '传媒', '医药', '医疗',
  '健康', '农业', '物流', '置业', '开发', '运营', '国际', '经营', '电子', '网络', '数据', '数字', '智能', '软件',
  '通信', '环保', '环境', '材料', '制造', '装备', '机械', '电气', '电力', '化工', '生物', '教育', '旅游', '文旅',
  '酒店', '餐饮', '地产', '房地产', '物业', '交通', '运输', '航运', '港口', '水务', '燃气', '矿业', '钢铁', '汽车',
  '食品', '城投', '融资', '担保', '租赁', '保险', '证券', '信托', '创业', '创新', '设计', '规划', '检测', '认证',
  '广告', '会展', '体育', '养老', '家政', '人力', '资源', '安全', '节能', '新能源', '水利', '市政', '园林', '绿化',
  '装饰', '建材', '建筑', '安装', '勘察', '测绘', '监理', '造价', '评估', '进出口', '供应链', '商业', '电商',
  '企业', '产权', '交易', '供销', '农牧', '种业', '林业', '渔业', '联合', '综合', '工贸', '经贸', '科创',
];
const BUSINESS_SET = new Set(BUSINESS_WORDS);
const BUSINESS_MAX_LEN = Math.max(...BUSINESS_WORDS.map((w) => w.length));

/** Whether s[x, y) is one or more words of line of business (股权投资 = 股权 + 投资). */
export function businessWords(s: string, x: number, y: number): boolean {
  if (y - x < 2) return false;
  // ok[k]: s[x, k) splits into business words.
  const ok = new Uint8Array(y - x + 1);
  ok[0] = 1;
  for (let k = x; k < y; k++) {
    if (!ok[k - x]) continue;
    for (let l = 2; l <= BUSINESS_MAX_LEN && k + l <= y; l++) if (BUSINESS_SET.has(s.slice(k, k + l))) ok[k + l - x] = 1;
  }
  return ok[y - x] === 1;
}

/**
 * Whether position i of s is part of a four-character frame with a repeated
 * character (应搬尽搬, 宜大则大, 一企一策, 坚中之坚): parallel constructions
 * whose characters are chosen for the frame, not slips. The frame must be
 * closed under segmentation (no token crosses its edges: 国务院|堂务 is no
 * frame) and hold at least two single-character tokens (会议审议 is two words).
 * `tokenAt(k)` gives the [start, end) of the token covering k.
 */
export function inRepetitionFrame(s: string, i: number, tokenAt: (k: number) => readonly [number, number]): boolean {
  for (let k = Math.max(0, i - 3); k <= i && k + 4 <= s.length; k++) {
    // Code units compare as the one-unit strings s[k]… would (runs are BMP Han).
    const a = s.charCodeAt(k), b = s.charCodeAt(k + 1), c = s.charCodeAt(k + 2), d = s.charCodeAt(k + 3);
    // ABAC (一企一策), ABCB (应搬尽搬, 宜大则大), ABCA (坚中之坚), with distinct neighbours.
    if (!((a === c && a !== b) || (b === d && b !== c) || (a === d && a !== b && b !== c))) continue;
    if (tokenAt(k)[0] !== k || tokenAt(k + 3)[1] !== k + 4) continue;
    let singles = 0;
    for (let m = k; m < k + 4; m++) {
      const [x, y] = tokenAt(m);
      if (y - x === 1) singles++;
    }
    if (singles >= 2) return true;
  }
  return false;
}
