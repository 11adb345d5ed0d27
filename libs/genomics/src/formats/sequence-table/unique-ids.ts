import { SeenKeys } from '../../collections/seen-keys.ts';
import { FormatError } from '../../errors/format-error.ts';

/**
 * The duplicate-ID check of the sequence readers (table and labelled FASTA), exact and in bounded
 * memory (SeenKeys): a repeat of one of the first IDs fails at once, a repeat among later ones
 * at the end of the stream; either names both lines. `dispose()` in a `finally`.
 */
export class UniqueIds {
  private readonly seen = new SeenKeys();

  /** `what` names a record in the late error: "row", "record". */
  constructor(
    private readonly label: string,
    private readonly what: string,
  ) {}

  add(id: string, line: number): void {
    const first = this.seen.add(id, line);
    if (first !== undefined) {
      throw new FormatError(this.label, line, `ID "${id}" appears twice (first on line ${first})`);
    }
  }

  /** At the end of the stream: throws for a repeat told only now. */
  finish(): void {
    const repeat = this.seen.finish();
    if (repeat) {
      throw new FormatError(
        this.label,
        repeat.line,
        `the ID of this ${this.what} appears twice (first on line ${repeat.firstLine})`,
      );
    }
  }

  dispose(): void {
    this.seen.dispose();
  }
}
