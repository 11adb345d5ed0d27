import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bgzipCompress } from '../../io/bgzip.ts';
import { itWithSharedData } from '../../testing.ts';
import { FastaIndex } from './fasta-index.ts';

// Two records wrapped at 10 bases; `seq2` has a short last line.
const WRAPPED = '>1 first\nACGTACGTAC\nGTacgtacgt\nAAA\n>MT\nCCCCCGGGGG\nTT\n';

describe('FastaIndex', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strand-fasta-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('builds the .fai next to a plain FASTA as samtools faidx would and fetches regions', async () => {
    const path = join(dir, 'wrapped.fa');
    await writeFile(path, WRAPPED);
    const fasta = await FastaIndex.open(path);
    expect(await readFile(`${path}.fai`, 'utf8')).toBe('1\t23\t9\t10\t11\nMT\t12\t39\t10\t11\n');
    expect(await fasta.fetch('1', 8, 14)).toBe('ACGTac'); // across a line break, case kept
    expect(await fasta.fetch('chr1', 20, 23)).toBe('AAA');
    expect(await fasta.fetch('chrM', 0, 12)).toBe('CCCCCGGGGGTT');
    expect(await fasta.fetch('1', 5, 5)).toBe('');
    expect(fasta.length('chr1')).toBe(23);
    expect(fasta.sequenceNames).toEqual(['1', 'MT']);
  });

  it('reads bgzip FASTA across blocks, building .fai and .gzi, and refuses plain gzip', async () => {
    // 200,000 bases wrapped at 60: about four 64 KiB BGZF blocks.
    const bases = Array.from({ length: 200_000 }, (_, i) => 'ACGT'[(i * 7 + (i >> 5)) % 4]).join(
      '',
    );
    const lines = bases.match(/.{1,60}/g) ?? [];
    const path = join(dir, 'long.fa.gz');
    await writeFile(path, bgzipCompress(`>long\n${lines.join('\n')}\n`));
    const fasta = await FastaIndex.open(path);
    expect(await readFile(`${path}.fai`, 'utf8')).toBe('long\t200000\t6\t60\t61\n');
    expect(await fasta.fetch('long', 64_000, 131_000)).toBe(bases.slice(64_000, 131_000));
    const gz = join(dir, 'plain.fa.gz');
    await writeFile(gz, gzipSync(WRAPPED));
    await expect(FastaIndex.open(gz)).rejects.toMatchObject({
      code: 'UNINDEXABLE_FASTA',
      message: `${gz}: gzip FASTA cannot be indexed; compress it with bgzip`,
    });
  });

  it('explains an unknown chromosome and a region out of range', async () => {
    const path = join(dir, 'errors.fa');
    await writeFile(path, WRAPPED);
    const fasta = await FastaIndex.open(path, { faiPath: join(dir, 'other.fai') });
    await expect(fasta.fetch('chr2', 0, 1)).rejects.toMatchObject({
      code: 'UNKNOWN_CHROMOSOME',
      message: `${path}: chromosome "chr2" is not in the reference (1, MT)`,
    });
    await expect(fasta.fetch('1', 20, 24)).rejects.toMatchObject({
      code: 'OUT_OF_RANGE',
      message: `${path}: region 1:20-24 (0-based, half-open) is outside 1 (length 23)`,
    });
    await expect(fasta.fetch('1', 5, 4)).rejects.toMatchObject({ code: 'OUT_OF_RANGE' });
  });

  it('refuses to index a record whose lines have different widths', async () => {
    const path = join(dir, 'ragged.fa');
    await writeFile(path, '>r\nACGT\nAC\nACGT\n');
    await expect(FastaIndex.open(path)).rejects.toThrow(
      `${path}:4: sequence r has lines of different lengths; it cannot be indexed`,
    );
  });

  itWithSharedData(
    'fetches from the hg19 chr17 piece by chr17 or 17',
    ['reference/hg19_chr17_part.fa'],
    async (shared) => {
      const path = join(dir, 'hg19.fa');
      await copyFile(shared, path);
      const fasta = await FastaIndex.open(path);
      const whole = (await readFile(shared, 'utf8')).split('\n')[1];
      expect(await fasta.fetch('17', 0, 40_000)).toBe(whole);
      expect(await fasta.fetch('chr17', 1234, 1260)).toBe(whole.slice(1234, 1260));
    },
  );
});
