import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBed } from '../formats/bed/bed-reader.ts';
import { readExpressionMatrix } from '../formats/expression/expression-matrix.ts';
import type { ExpressionMatrix } from '../formats/expression/expression-matrix.ts';
import { readSampleAnnotations } from '../formats/expression/sample-annotations.ts';
import { openVcf } from '../formats/vcf/vcf-reader.ts';
import { geneBurden } from './gene-burden.ts';
import type { GeneBurden } from './gene-burden.ts';
import { simulateCohort } from './simulate-cohort.ts';
import type { SimulatedCohort } from './simulate-cohort.ts';

const stream = (text: string) => Readable.from([Buffer.from(text)]);
const OPTIONS = { samples: 300, genes: 120, riskGenes: 5, seed: 7 };

let cohort: SimulatedCohort;
let burden: GeneBurden;
let expression: ExpressionMatrix;
beforeAll(async () => {
  cohort = simulateCohort(OPTIONS);
  // The files must read back through Strand's own (validating) readers.
  const vcf = await openVcf(stream(cohort.vcf), { genotypes: true, label: 'cohort.vcf' });
  burden = await geneBurden(vcf, readBed(stream(cohort.bed), { label: 'genes.bed' }));
  expression = await readExpressionMatrix(stream(cohort.expression), {
    orientation: 'genes-by-samples',
  });
});

/** Cohen's d of column g between cases and controls (pooled sd). */
function effectSize(values: Float32Array, genes: number, g: number, status: Uint8Array): number {
  const groups: number[][] = [[], []];
  status.forEach((s, i) => groups[s].push(values[i * genes + g]));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const variance = (v: number[]) => v.reduce((a, x) => a + (x - mean(v)) ** 2, 0) / (v.length - 1);
  const [controls, cases] = groups as [number[], number[]];
  const pooled = Math.sqrt((variance(controls) + variance(cases)) / 2);
  return (mean(cases) - mean(controls)) / pooled;
}

describe('simulateCohort', () => {
  it('is deterministic under a seed and changes with it', () => {
    expect(simulateCohort(OPTIONS)).toEqual(cohort);
    const other = simulateCohort({ ...OPTIONS, seed: 8 });
    expect(other.vcf).not.toBe(cohort.vcf);
    expect(other.truth).not.toEqual(cohort.truth);
  });

  it('writes files that read back: VCF, BED, genes × samples expression, sample table', async () => {
    expect(burden.samples).toEqual(cohort.samples);
    expect(burden.genes).toEqual(cohort.genes);
    expect(burden.variantsOutsideGenes).toBeGreaterThan(0);
    expect(expression.genes).toEqual(cohort.genes);
    expect(expression.samples).toEqual(cohort.samples);
    const table = await readSampleAnnotations(stream(cohort.sampleTable));
    expect(table.columns).toEqual(['status']);
    const status = cohort.samples.map((s) => table.rows.get(s)?.['status']);
    expect(status).toEqual([...cohort.status].map((s) => (s === 1 ? 'case' : 'control')));
    const cases = cohort.status.reduce((a, b) => a + b, 0);
    expect(cases / cohort.samples.length).toBeGreaterThan(0.35);
    expect(cases / cohort.samples.length).toBeLessThan(0.65);
  });

  it('plants burden and expression risk genes: cases differ from controls there, not elsewhere', () => {
    const { riskGenes } = cohort.truth;
    expect(riskGenes.map((r) => r.modality)).toEqual([
      'variant-burden',
      'variant-burden',
      'variant-burden',
      'expression',
      'expression',
    ]);
    const g = cohort.genes.length;
    const d = (modality: string, gene: string) =>
      effectSize(
        modality === 'expression' ? expression.values : burden.matrix,
        g,
        cohort.genes.indexOf(gene),
        cohort.status,
      );
    for (const risk of riskGenes) {
      const size = d(risk.modality, risk.gene);
      expect(Math.sign(size), `${risk.gene} ${risk.modality}`).toBe(Math.sign(risk.effect));
      expect(Math.abs(size), `${risk.gene} ${risk.modality}`).toBeGreaterThan(0.3);
    }
    const planted = new Set(riskGenes.map((r) => `${r.modality}:${r.gene}`));
    const background = ['expression', 'variant-burden'].flatMap((m) =>
      cohort.genes.filter((gene) => !planted.has(`${m}:${gene}`)).map((gene) => d(m, gene)),
    );
    const finite = background
      .filter(Number.isFinite)
      .map(Math.abs)
      .sort((a, b) => a - b);
    expect(finite[Math.floor(finite.length / 2)]).toBeLessThan(0.15);
  });

  it('rejects impossible options with the field and the value', () => {
    expect(() => simulateCohort({ ...OPTIONS, samples: 5 })).toThrow(
      'samples must be an integer in [10, 100000], got 5',
    );
    expect(() => simulateCohort({ ...OPTIONS, genes: 5 })).toThrow(
      'genes must be an integer in [6, 50000], got 5',
    );
    expect(() => simulateCohort({ ...OPTIONS, caseFraction: 1 })).toThrow(
      'caseFraction must be in (0, 1), got 1',
    );
  });
});
