/**
 * What a command prints: human text and a progress bar on a terminal, or one JSON document on
 * stdout with `--json` (progress then goes nowhere, so scripts get clean output).
 */
export interface Output {
  readonly json: boolean;
  /** A line for people (suppressed with --json). */
  info(line: string): void;
  /** Progress of long work: redrawn in place on a terminal, silent otherwise. */
  progress(label: string, done: number, total: number, detail?: string): void;
  /** The command's result: JSON with --json, else `human(result)`. */
  result<T>(value: T, human: (value: T) => string): void;
}

export function createOutput(json: boolean, stream: NodeJS.WriteStream = process.stderr): Output {
  const tty = !json && stream.isTTY === true;
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return {
    json,
    info(line) {
      if (json) return;
      clear();
      stream.write(`${line}\n`);
    },
    progress(label, done, total, detail = '') {
      if (!tty) return;
      const width = 30;
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      stream.write(`\r\x1b[K${label} ${bar} ${done}/${total} ${detail}`);
      drawn = true;
    },
    result(value, human) {
      clear();
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human(value)}\n`);
    },
  };
}
