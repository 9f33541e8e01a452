// The Word comment of one finding, as both the CLI's `review` and the VS
// Code command write it (a plain function, outside server/src/docx/ so that
// the extension's main bundle can use it without loading the Word module).

/**
 * The comment of one finding: what is wrong, what to write instead (the
 * titles of its fixes, such as 改为“部署”), which clause says so.
 */
export function commentText(message: string, fixTitles: readonly string[], clause: string | undefined): string {
  const parts = [message.trim().replace(/[。；;.]+$/, '')];
  const titles = fixTitles.map((t) => t.trim()).filter(Boolean);
  if (titles.length) parts.push(`建议${titles.join('或')}`);
  if (clause?.trim()) parts.push(`依据：${clause.trim()}`);
  return parts.join('。') + '。';
}
