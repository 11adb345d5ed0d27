import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors/format-error.ts';
import type { ReadOptions, ReadWarning } from '../warnings/read-warning.ts';
import { readBed } from './bed/bed-reader.ts';
import { readExpressionMatrix } from './expression/expression-matrix.ts';
import { readFasta } from './fasta/fasta-reader.ts';
import { readFastq } from './fasta/fastq-reader.ts';
import { readLabelledFasta } from './sequence-table/labelled-fasta-reader.ts';
import { readSequenceTable } from './sequence-table/sequence-table-reader.ts';
import { openVcf } from './vcf/vcf-reader.ts';

// Robustness: every parser, fed random bytes or a valid file mutated (truncated, tabs deleted
// or doubled, lines duplicated or dropped, garbage bytes inserted), either yields records or
// throws a FormatError at `fuzz:<line>:` — never a TypeError or any other crash, never a hang —
// and every warning it gives is located (`fuzz`, a line ≥ 1, a rule and a message). Each parser
// runs as it reads by default and in strict mode.

type Parse = (bytes: Buffer, options: ReadOptions) => Promise<unknown>;

async function drain(records: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of records) n++;
  return n;
}
const stream = (bytes: Buffer) => Readable.from([bytes]);
const label = 'fuzz';

const PARSERS: Record<string, { valid: string; parse: Parse }> = {
  fasta: {
    valid: '>chr1 desc\nACGTacgtNN\nACGT\n>chr2\nTTGA\n',
    parse: (b) => drain(readFasta(stream(b), { label })),
  },
  fastq: {
    valid: '@r1 x\nACGT\n+\nIIII\n@r2\nAC\n+r2\n#!\n',
    parse: (b) => drain(readFastq(stream(b), { label })),
  },
  bed: {
    valid: 'track name=x\nchr1\t10\t20\tp1\t5\t+\nchr1\t30\t40\tp2\t0\t-\n',
    parse: (b) => drain(readBed(stream(b), { label, labelColumn: 'score' })),
  },
  narrowPeak: {
    valid: 'chr1\t100\t200\tp\t50\t.\t4.5\t-1\t2.1\t40\n',
    parse: (b) => drain(readBed(stream(b), { label, format: 'narrowPeak' })),
  },
  vcf: {
    valid: [
      '##fileformat=VCFv4.3',
      '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Depths">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
      '1\t100\trs1\tA\tG,T\t30\tPASS\tDP=5;AC=1,1\tGT:AD\t1/2:1,2,3',
      '1\t200\t.\tAC\tA\t.\t.\t.\tGT\t0|1',
      '',
    ].join('\n'),
    parse: async (b, options) => {
      const file = await openVcf(stream(b), { ...options, label, genotypes: true });
      return drain(file);
    },
  },
  expression: {
    valid: 'gene\tS1\tS2\ng1\t1.5\tNA\ng2\t-2\t3e2\ng3\t0\t1\n',
    parse: (b) => readExpressionMatrix(stream(b), { label, orientation: 'genes-by-samples' }),
  },
  sequenceTable: {
    valid: 'id\tlabel\tsequence\ns1\t1\tACGT\ns2\tneg\tacgn\n',
    parse: (b) => drain(readSequenceTable(stream(b), { label })),
  },
  labelledFasta: {
    valid: '>s1 label=1\nACGT\n>s2 label=x\nAC\n',
    parse: (b) => drain(readLabelledFasta(stream(b), { label })),
  },
};

/** One edit of a text, chosen and placed by fast-check. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('deleteTab' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('doubleTab' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dropLine' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('garbage' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const text = bytes.toString('latin1');
  const lines = text.split('\n');
  const tabs = [...text.matchAll(/\t/g)].map((x) => x.index ?? 0);
  const pick = (n: number) => m.at % Math.max(n, 1);
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, pick(bytes.length + 1));
    case 'deleteTab':
    case 'doubleTab': {
      if (tabs.length === 0) return bytes;
      const at = tabs[pick(tabs.length)];
      const tab = m.kind === 'deleteTab' ? '' : '\t\t';
      return Buffer.from(text.slice(0, at) + tab + text.slice(at + 1), 'latin1');
    }
    case 'duplicateLine':
    case 'dropLine': {
      const i = pick(lines.length);
      lines.splice(i, m.kind === 'dropLine' ? 1 : 0, ...(m.kind === 'dropLine' ? [] : [lines[i]]));
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 'garbage': {
      const at = pick(bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    }
  }
}

/** A warning must name the fuzzed source, a line and a rule, and say something. */
function checkWarning(warning: ReadWarning): void {
  if (
    warning.file !== label ||
    !Number.isInteger(warning.line) ||
    warning.line < 1 ||
    !/^[a-z0-9-]+$/.test(warning.rule) ||
    !/\S/.test(warning.message)
  ) {
    throw new Error(`unlocated warning ${JSON.stringify(warning)}`);
  }
}

/** Records the outcome; anything but success or a located FormatError fails the property. */
async function outcome(
  parse: Parse,
  bytes: Buffer,
  strict = false,
): Promise<'ok' | 'format-error'> {
  try {
    await parse(bytes, { strict, warnings: { add: checkWarning } });
    return 'ok';
  } catch (error) {
    if (
      error instanceof FormatError &&
      error.source === label &&
      /^fuzz:\d+: \S/.test(error.message)
    ) {
      return 'format-error';
    }
    throw error;
  }
}

describe('parsers under random and mutated input', () => {
  for (const [name, { valid, parse }] of Object.entries(PARSERS)) {
    it(`${name}: yields records or throws a located FormatError`, async () => {
      expect(await outcome(parse, Buffer.from(valid))).toBe('ok');
      const seen = { ok: 0, 'format-error': 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          fc.boolean(),
          async (mutations, strict) => {
            const bytes = mutations.reduce(mutate, Buffer.from(valid));
            seen[await outcome(parse, bytes, strict)]++;
          },
        ),
        { numRuns: 300, seed: 42 },
      );
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
          seen[await outcome(parse, Buffer.from(bytes))]++;
        }),
        { numRuns: 100, seed: 7 },
      );
      // Both outcomes occur, so the mutations neither all break nor all spare the file.
      expect(seen.ok).toBeGreaterThan(0);
      expect(seen['format-error']).toBeGreaterThan(0);
    });
  }
});
