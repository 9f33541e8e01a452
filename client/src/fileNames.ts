// File names for exported documents. Pure.

/**
 * A .docx name for an unsaved draft: its title (the first `# ` heading, else
 * the first line starting with 关于), without characters file systems reject;
 * `fallback` when there is no title.
 */
export function suggestedDocxName(text: string, fallback: string): string {
  const lines = text.split(/\r?\n/);
  const heading = lines.find((l) => /^#\s+\S/.test(l))?.replace(/^#\s+/, '');
  const title = heading ?? lines.map((l) => l.trim()).find((l) => /^关于.+/.test(l));
  const name = (title ?? '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
    .trim()
    .slice(0, 60);
  return `${name || fallback}.docx`;
}
