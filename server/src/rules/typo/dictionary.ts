// typo/dictionary: wrong forms from the curated typo dictionary (built-in
// plus the user's extra dictionaries), matched in one pass per block.

import { getMatcher, isSafeEntry, type DictEntry, type DictLevel, type DictMatch } from '../../engine/dictionary';
import { splitBetweenWords } from '../../engine/detector/boundary';
import { getLexicon, type Lexicon } from '../../engine/detector/lexicon';
import { spanRange } from '../../engine/text';
import type { Rule, RuleOptions, Severity } from '../../engine/types';

const SEVERITY: Record<DictLevel, Severity> = { error: 'error', warning: 'warning', info: 'info' };

function quoteList(forms: readonly string[]): string {
  return forms.map((f) => `“${f}”`).join('或');
}

/** The Chinese message for an entry's finding. */
export function dictionaryMessage(entry: DictEntry): string {
  const wrong = `“${entry.wrong}”`;
  const right = quoteList(entry.right);
  let head: string;
  if (entry.level === 'error') head = `${wrong}应为${right}`;
  else if (entry.level === 'warning') head = `${wrong}可能应为${right}，请核对`;
  else head = `${wrong}宜写作${right}`;
  const note = entry.note.trim();
  return note ? `${head}。${note}${/[。！？]$/.test(note) ? '' : '。'}` : `${head}。`;
}

let lexiconFailed = false;

/**
 * Whether a hit is two words meeting rather than the listed wrong form: the
 * best segmentation splits it between two words of the detector's lexicon
 * (有关|健身 holds 关健, 公布|署名 holds 布署; engine/detector/boundary.ts).
 * Needs the lexicon: with the detector off, or its data missing, every hit
 * stands as before.
 */
export function hitSplitBetweenWords(text: string, m: DictMatch, options: Pick<RuleOptions, 'detector'>): boolean {
  if (options.detector === false || lexiconFailed) return false;
  let lex: Lexicon;
  try {
    lex = getLexicon();
  } catch {
    lexiconFailed = true;
    return false;
  }
  return splitBetweenWords(lex, text, m.start, m.end);
}

export const rule: Rule = {
  meta: {
    id: 'typo/dictionary',
    category: 'typo',
    severity: 'error',
    safeFix: true,
    description: '错别字和不规范词形（内置词典及自定义词典）',
    clause: '《通用规范汉字表》《第一批异形词整理表》及《现代汉语词典》规范词形',
    details:
      '按词典逐条查找错误写法：必错条目（error）给出唯一改法，可一键修正；疑似条目（warning）只在特定上下文中提示，需人工核对；' +
      '异形词等提示条目（info）建议改用推荐词形。错误写法恰好横跨两个词（如“有关健身”中的“关健”）时不报。可在 .gongwenrc.json 的 "dictionaries" 中加入自定义词典，"acceptedWords" 中的词不报。',
    examples: [
      { bad: '认真布署各项工作', good: '认真部署各项工作' },
      { bad: '再接再励', good: '再接再厉' },
    ],
  },
  block(block, ctx) {
    const { matcher } = getMatcher(ctx.options.dictionaries);
    const matches = matcher.match(block.text, { acceptedWords: ctx.options.acceptedWords });
    for (const m of matches) {
      const entry = m.entry;
      if (entry.level === 'off') continue;
      if (hitSplitBetweenWords(block.text, m, ctx.options)) continue;
      const { start, end } = spanRange(block, m.start, m.end);
      ctx.report({
        start,
        end,
        message: dictionaryMessage(entry),
        severity: SEVERITY[entry.level],
        safe: isSafeEntry(entry),
        fixes: entry.right.map((r) => ({ title: `改为“${r}”`, edits: [{ start, end, newText: r }] })),
      });
    }
  },
};
