import type { ConfusionMatrix } from '@strand/jobs';

/**
 * A confusion matrix as an aligned text table: one row per actual class, one column per
 * predicted class.
 *
 * @example confusionTable({ labels: ['a', 'b'], counts: [[3, 1], [0, 4]] })
 * // "actual \\ predicted  a  b\na                    3  1\nb                    0  4"
 */
export function confusionTable(matrix: ConfusionMatrix): string {
  const corner = 'actual \\ predicted';
  const rows = [
    [corner, ...matrix.labels],
    ...matrix.labels.map((label, a) => [label, ...(matrix.counts[a] ?? []).map(String)]),
  ];
  const widths = (rows[0] as string[]).map((_, c) =>
    Math.max(...rows.map((row) => (row[c] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  '),
    )
    .join('\n');
}
