#!/usr/bin/env node
// Line-by-line review of houbb/word-checker word_checker_zh.txt (Apache-2.0).
// Every line number below was read and judged by hand; the decisions are the
// review record. Running this regenerates scripts/dictionary/src/houbb-word-checker.tsv
// and .jsonl from the lexicon (path as first argument, default ../shared/lexicons/…).
//
//   node scripts/dictionary/review/houbb-word-checker.mjs [path/to/word_checker_zh.txt]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const input = process.argv[2] ?? path.resolve(here, '../../../../shared/lexicons/houbb-word-checker/word_checker_zh.txt');

// Dropped lines: line number → reason.
const REVERSED = 'reversed: the "wrong" side is the standard form';
const BOTH = 'both forms are accepted (现代汉语词典 lists both); not an error';
const BADRIGHT = 'the "right" side is itself wrong';
const VALID = 'the wrong form is a valid word or phrase in some context';
const SUBSTR = 'the wrong form occurs inside correct text across a word boundary';
const DUP = 'duplicate of another source or another line';
const NOISE = 'OCR / input-method noise, not a Chinese spelling error';
const DROP = {
  50: DUP, 59: DUP, 93: DUP, 106: DUP, 214: DUP, 292: DUP, 394: DUP,
  262: SUBSTR,
  3: VALID, 4: BADRIGHT, 21: 'wrong and right are the same', 37: BADRIGHT, 46: REVERSED, 66: BOTH, 69: VALID,
  89: VALID, 91: REVERSED, 92: SUBSTR, 94: SUBSTR, 96: DUP, 107: BOTH, 113: 'place name (九洲)', 114: 'place name (九洲)',
  115: SUBSTR, 118: SUBSTR, 121: DUP, 136: BOTH, 137: SUBSTR, 144: BADRIGHT, 153: 'traditional characters', 156: VALID,
  162: BOTH, 163: DUP, 167: VALID, 177: DUP, 183: BOTH, 200: DUP, 202: BOTH, 212: SUBSTR, 225: BADRIGHT,
  232: VALID, 234: DUP, 252: BOTH, 254: SUBSTR, 268: DUP, 283: BADRIGHT, 285: REVERSED, 288: BADRIGHT,
  298: BOTH, 312: BOTH, 336: DUP, 337: BOTH, 344: BOTH, 345: BOTH, 350: BADRIGHT, 364: DUP, 367: BOTH,
  374: BADRIGHT, 376: DUP, 377: BADRIGHT, 381: DUP, 386: VALID, 403: BOTH, 406: VALID, 419: BADRIGHT, 425: SUBSTR,
  427: BOTH, 447: BOTH, 454: DUP, 457: BADRIGHT, 469: BOTH, 476: DUP, 477: DUP, 480: DUP, 484: DUP, 503: SUBSTR,
  529: VALID, 534: BADRIGHT, 552: VALID, 562: DUP, 565: DUP, 571: REVERSED, 576: DUP, 584: BOTH, 595: VALID,
  613: SUBSTR, 631: DUP, 638: BADRIGHT, 639: SUBSTR, 643: DUP, 649: DUP, 653: BOTH, 667: BOTH, 668: BOTH, 671: SUBSTR,
  679: 'obscure', 688: BOTH, 691: BOTH, 734: REVERSED, 735: DUP, 738: SUBSTR, 766: DUP, 778: DUP, 782: BOTH,
  786: BADRIGHT, 798: BOTH, 804: SUBSTR, 808: NOISE, 809: VALID, 821: BOTH, 829: BADRIGHT, 839: SUBSTR, 843: BADRIGHT,
  853: VALID, 875: BADRIGHT, 896: BADRIGHT, 899: BOTH, 911: BOTH, 927: REVERSED, 932: SUBSTR, 966: NOISE, 967: BADRIGHT,
  992: DUP, 1000: BOTH, 1005: BOTH, 1008: VALID, 1034: DUP, 1035: BOTH, 1037: DUP, 1038: REVERSED, 1042: BOTH,
  1066: DUP, 1067: BOTH, 1073: BOTH, 1077: BOTH, 1086: BADRIGHT, 1096: VALID, 1106: BOTH, 1128: REVERSED,
  1156: DUP, 1168: REVERSED, 1175: DUP, 1182: REVERSED, 1204: BOTH, 1205: VALID, 1207: DUP, 1208: BADRIGHT,
  1226: DUP, 1235: DUP, 1264: NOISE, 1269: DUP, 1282: BADRIGHT, 1284: BOTH, 1291: BOTH, 1313: REVERSED,
  1319: VALID, 1329: BOTH, 1333: BADRIGHT, 1360: BOTH, 1364: REVERSED, 1392: NOISE, 1393: NOISE, 1394: NOISE,
  1395: NOISE, 1396: NOISE, 1397: SUBSTR,
};

// Corrected right forms (the line's right side was wrong or incomplete).
const RIGHT = {
  77: ['不稂不莠'], 239: ['前仆后继', '前赴后继'], 446: ['宽宏大量'], 863: ['流言蜚语', '流言飞语'],
  881: ['蹚水过河'], 959: ['流连忘返'], 1002: ['睡眼惺忪'], 1075: ['既往不咎'], 1121: ['恼羞成怒'],
  1356: ['风采动人'],
};

// Level other than error, with a note.
const LEVEL = {
  322: ['info', '规范词形为“含糊其辞”'],
  340: ['info', '《第一批异形词整理表》推荐“喝彩”'],
  433: ['info', '规范词形为“安分守己”'],
  434: ['info', '规范词形为“安分守纪”'],
  510: ['info', '规范词形为“引申义”'],
  513: ['info', '规范词形为“张皇失措”'],
  961: ['info', '规范词形为“流连忘返”'],
  1100: ['info', '《第一批异形词整理表》推荐“本分”'],
  1220: ['warning', '获取不正当的利益，规范搭配为“牟取暴利”'],
};

// Entries kept with context conditions (the wrong form can occur inside correct text).
const CONDITIONAL = {
  287: { notFollowedBy: ['性', '劲', '带'], examples: { bad: ['新文化运动的发韧。'], good: ['开发韧性材料。'] } },
  499: { notFollowedBy: ['报', '请', '领', '诉', '办', '购', '明', '辩'], examples: { bad: ['服务向基层延申。'], good: ['不得拖延申报。', '顺延申请期限。'] } },
  630: { notFollowedBy: ['备', '建', '划', '措', '集', '款', '资', '办', '组'], examples: { bad: ['按劳取得报筹。'], good: ['向领导汇报筹备情况。'] } },
  761: { notFollowedBy: ['加'], examples: { bad: ['人事频繁更叠。'], good: ['多种风险更叠加。'] } },
  783: { notFollowedBy: ['骋', '名'], examples: { bad: ['纪律松驰。'], good: ['轻松驰骋赛场。'] } },
  844: { notFollowedBy: ['怀'], examples: { bad: ['沉缅于享乐。'], good: ['深沉缅怀先烈。'] } },
  926: { notPrecededBy: ['火', '引', '起', '燃'], examples: { bad: ['发生爆动。'], good: ['现场火爆动人。'] } },
  1054: { notFollowedBy: ['取'], examples: { bad: ['文化精萃。'], good: ['用酒精萃取有效成分。'] } },
  1292: { notFollowedBy: ['代'], examples: { bad: ['职能重迭。'], good: ['经过多重迭代。'] } },
  328: { notPrecededBy: ['作'], examples: { bad: ['不要为小事呕气。'], good: ['令人作呕气味难闻。'] } },
  494: { notFollowedBy: ['成', '地'], examples: { bad: ['学校座落在城东。'], good: ['这座落成于去年的大楼。'] } },
  648: { notFollowedBy: ['机', '修', '饰', '载', '卸', '箱', '订', '配'], examples: { bad: ['按装空调一台。'], good: ['按装机容量计算。', '按装修面积收费。'] } },
  730: {
    level: 'warning',
    followedBy: ['如此', '这样', '是', '在', '有', '没有', '遇到', '面对', '发生', '出现', '将来', '今后', '再'],
    note: '“即使”表示假设的让步；“既”表示已经，常与“又”“也”呼应',
    examples: { bad: ['既使在困难时期，也不放松。'], good: ['既使用传统方式，又引入新技术。'] },
  },
  920: { notFollowedBy: ['排', '达', '中', '减', '汇', '足', '化', '交易', '市场', '配额', '核算', '强度'], examples: { bad: ['煤碳价格上涨。'], good: ['控制燃煤碳排放。'] } },
};

const lines = fs.readFileSync(input, 'utf8').split('\n');
const tsv = ['# houbb/word-checker word_checker_zh.txt, reviewed line by line (see scripts/dictionary/review/houbb-word-checker.mjs).', '# wrong\tright\tlevel\tnote'];
const jsonl = [];
const dropped = [];
lines.forEach((line, k) => {
  const n = k + 1;
  const parts = line.trim().split(/\s+/);
  if (parts.length !== 2) return;
  const [wrong, rightRaw] = parts;
  if (DROP[n]) {
    dropped.push(`${n}\t${wrong}\t${rightRaw}\t${DROP[n]}`);
    return;
  }
  const right = RIGHT[n] ?? rightRaw.split(',');
  const [level, note] = LEVEL[n] ?? ['error', ''];
  if (CONDITIONAL[n]) {
    const { level: l2, note: n2, ...cond } = CONDITIONAL[n];
    const e = { wrong, right: right.length === 1 ? right[0] : right, level: l2 ?? level };
    if (n2 ?? note) e.note = n2 ?? note;
    Object.assign(e, cond);
    jsonl.push(JSON.stringify(e));
  } else {
    tsv.push([wrong, right.join('|'), level, note].join('\t').replace(/\t+$/, ''));
  }
});
const src = path.resolve(here, '../src');
fs.writeFileSync(path.join(src, 'houbb-word-checker.tsv'), tsv.join('\n') + '\n');
fs.writeFileSync(path.join(src, 'houbb-word-checker.jsonl'), jsonl.join('\n') + '\n');
fs.writeFileSync(path.join(here, 'houbb-word-checker-dropped.tsv'), '# line\twrong\tright\treason\n' + dropped.join('\n') + '\n');
console.log(`kept ${tsv.length - 2 + jsonl.length}, dropped ${dropped.length}`);
