/**
 * Spreadsheet formula injection (CSV injection): a cell that starts with `=`, `+`, `-` or `@`
 * (or a tab or carriage return) is run as a formula by Excel, LibreOffice and Google Sheets when
 * a downloaded TSV/CSV is opened — `=HYPERLINK(…)` in a VCF ID column becomes a live link. As
 * OWASP's "CSV Injection" page recommends, such a cell is prefixed with a single quote, which
 * the spreadsheet shows as text. Numbers (`-0.25`, `+3`, `-1e-7`) are left alone: they are not
 * formulas, and a quote would stop tools from reading them as numbers.
 */
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const DANGEROUS = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The cell as a spreadsheet will show it as text (see the file comment). */
export function neutraliseCell(cell: string): string {
  return DANGEROUS.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/** One TSV line with every cell neutralised. */
export function neutraliseTsvLine(line: string): string {
  return line.split('\t').map(neutraliseCell).join('\t');
}

/**
 * One CSV line (RFC 4180; a quoted cell may hold commas) with every cell neutralised; a quoted
 * cell gets its quote inside the quotes (`"=1"` → `"'=1"`).
 */
export function neutraliseCsvLine(line: string): string {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let j = i + 1;
      for (; j < line.length; j++) {
        if (line[j] === '"') {
          if (line[j + 1] === '"') j++;
          else break;
        }
      }
      const inner = line.slice(i + 1, j).replaceAll('""', '"');
      out.push(
        `"${neutraliseCell(inner).replaceAll('"', '""')}"${line.slice(j + 1, nextComma(line, j))}`,
      );
      i = nextComma(line, j) + 1;
    } else {
      const end = nextComma(line, i);
      out.push(neutraliseCell(line.slice(i, end)));
      i = end + 1;
    }
  }
  return out.join(',');
}

function nextComma(line: string, from: number): number {
  const at = line.indexOf(',', from);
  return at < 0 ? line.length : at;
}

/** A stream that neutralises every cell of a TSV or CSV file, line by line (any size). */
export function spreadsheetSafe(format: 'tsv' | 'csv'): Transform {
  const cells = format === 'tsv' ? neutraliseTsvLine : neutraliseCsvLine;
  // A CRLF line keeps its CR: it ends the line, it does not start a cell.
  const fix = (line: string) =>
    line.endsWith('\r') ? `${cells(line.slice(0, -1))}\r` : cells(line);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = rest + decoder.write(chunk);
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      done(null, lines.length ? `${lines.map(fix).join('\n')}\n` : '');
    },
    flush(done) {
      rest += decoder.end();
      done(null, rest ? fix(rest) : '');
    },
  });
}
