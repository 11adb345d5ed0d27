import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FastaIndex } from '../formats/fasta/fasta-index.ts';
import type { SimulatedReads } from '../testing.ts';
import { HAS_READ_SIMULATOR, sharedDataPath, simulateReads } from '../testing.ts';
import { ReferenceReader } from '../variants/reference-reader.ts';
import { openAlignmentFile } from './alignment-file.ts';
import type { Candidate } from './candidates.ts';
import { candidateTiles } from './candidates.ts';
import { parseRegion } from './genomic-region.ts';
import { normalizeAllele } from './normalize-allele.ts';

const CHR17 = sharedDataPath('reference', 'hg19_chr17_part.fa');
const REGION = 'chr17:10001-20000';

/** Truth alleles of dwgsim's VCF, normalised, as `pos0:ref>alt`. */
function truthKeys(sim: SimulatedReads, ref: string) {
  return readFileSync(sim.truth, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, pos, , r, alt] = line.split('\t');
      const n = normalizeAllele({ pos0: Number(pos) - 1, ref: r, alt }, (i) => ref[i] ?? 'N');
      return `${n.pos0}:${n.ref}>${n.alt}`;
    });
}

const MISSING = !HAS_READ_SIMULATOR
  ? ' (skipped: dwgsim, minimap2 or samtools missing; tools/scripts/install-test-deps.sh)'
  : existsSync(CHR17)
    ? ''
    : ` (skipped: ${CHR17} not found)`;

describe.skipIf(MISSING !== '')(
  `candidates from simulated reads (10 kb of chr17, 30×)${MISSING}`,
  () => {
    let dir: string;
    let sim: SimulatedReads;
    let refSeq: string;

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'strand-candidates-'));
      sim = simulateReads(CHR17, REGION, dir, { coverage: 30, rate: 0.004, seed: 7 });
      refSeq = readFileSync(sim.reference, 'utf8').split('\n').slice(1).join('').toUpperCase();
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    async function candidates(options = {}) {
      const fasta = await FastaIndex.open(sim.reference);
      const file = await openAlignmentFile(sim.bam, fasta);
      const contigs = await file.contigs();
      const region = parseRegion(REGION, (c) => contigs.find((x) => x.name === c)?.length);
      const found: Candidate[] = [];
      let tiles = 0;
      for await (const tile of candidateTiles(file, new ReferenceReader(fasta), region, {
        tileSize: 3000,
        ...options,
      })) {
        tiles++;
        found.push(...tile.candidates);
      }
      return { found, tiles };
    }

    it('finds nearly every true SNV and indel, left-normalised, streaming tile by tile', async () => {
      const { found, tiles } = await candidates();
      expect(tiles).toBe(4);
      const truth = truthKeys(sim, refSeq);
      expect(truth.length).toBeGreaterThan(20);
      const keys = new Set(found.map((c) => `${c.pos0}:${c.ref}>${c.alt}`));
      const hit = truth.filter((k) => keys.has(k));
      // chr17 has repeats where reads map with MAPQ 0 (filtered): a few true sites go unseen.
      expect(hit.length / truth.length).toBeGreaterThanOrEqual(0.8);
      const indels = truth.filter((k) => !/^\d+:[ACGT]>[ACGT]$/.test(k));
      expect(indels.length).toBeGreaterThan(3);
      expect(indels.filter((k) => keys.has(k)).length / indels.length).toBeGreaterThanOrEqual(0.6);
      // Errors at 0.5–1% rarely reach 2 reads and 12%: candidates stay a small multiple of truth.
      expect(found.length).toBeLessThan(truth.length * 3);
      for (const c of found) {
        expect(c.altCount).toBeGreaterThanOrEqual(2);
        expect(c.altCount).toBeLessThanOrEqual(c.depth);
        if (c.kind === 'snv') expect(c.refCount + c.altCount).toBeLessThanOrEqual(c.depth);
        else expect(c.refCount).toBeLessThanOrEqual(c.depth);
      }
      // Reference reads are counted: most SNV candidates (true hets among them) have some.
      const snvs = found.filter((c) => c.kind === 'snv');
      expect(snvs.filter((c) => c.refCount > 0).length).toBeGreaterThan(snvs.length / 3);
    }, 60_000);

    it('leaves out reads below the MAPQ threshold', async () => {
      const { found } = await candidates({
        filter: { minMapq: 61, excludeFlags: 0, minBaseQuality: 10 },
      });
      expect(found).toEqual([]);
    }, 60_000);
  },
);
