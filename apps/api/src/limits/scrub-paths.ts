/**
 * An absolute path of two or more segments (`/srv/strand/.strand/artifacts/x/y.tsv`, or
 * `C:\data\x.vcf`), not inside a URL (`http://host/a/b` is left alone: its `//` follows a colon).
 */
const ABSOLUTE_PATH = /(^|[\s"'`(=,[])((?:[A-Za-z]:)?(?:[\\/][^\s"'`()\\/,;[\]]+){2,}[\\/]?)/g;

/**
 * A message with every absolute server path cut to its last segment (`…/uploads/x/seqs.tsv: 12:
 * bad label` reads `seqs.tsv: 12: bad label`): errors name the file a user gave, never where the
 * server keeps it.
 */
export function scrubPaths(message: string): string {
  return message.replace(ABSOLUTE_PATH, (_match, before: string, path: string) => {
    const segments = path.split(/[\\/]/).filter(Boolean);
    return `${before}${segments.at(-1) ?? ''}`;
  });
}
