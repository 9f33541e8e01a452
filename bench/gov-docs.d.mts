/** See gov-docs.mjs: the gov-docs corpus as one text (measurement only). */
export function govDocsText(corpusDir: string, minChars: number): { text: string; files: number };
