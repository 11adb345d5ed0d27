/** The `filter` variable of the runs list for what was typed in the tag box (blank: no filter). */
export function tagFilter(text: string): { tag: string } | null {
  const tag = text.trim();
  return tag ? { tag } : null;
}
