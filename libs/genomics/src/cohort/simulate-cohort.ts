/**
 * A simulated case/control cohort whose risk genes are known, to check that a risk model and
 * its attributions find them.
 *
 * Map of this file:
 *   1. options and result types
 *   2. simulateCohort ... genes and sites (cohort-layout.ts) → genotypes and gene burden →
 *                         expression → risk genes → status from a logistic model → texts
 *   3. helpers ........... normal draws, standardising, the intercept for a case fraction
 */
import { GenomicsError } from '../errors/genomics-error.ts';
import { createRng } from '../random/rng.ts';
import type { Rng } from '../random/rng.ts';
import { layOutGenes, placeSites } from './cohort-layout.ts';
import { expressionTsv, genesBed, sampleTable, vcfHeader, vcfLine } from './cohort-text.ts';

// ─── 1. types ───────────────────────────────────────────────────────────────────────────────

/** Through which feature a planted risk gene acts. */
export type RiskModality = 'variant-burden' | 'expression';

/** Options of {@link simulateCohort}. */
export interface CohortSimulationOptions {
  /** Number of samples, 10 to 100,000. */
  samples: number;
  /** Number of genes, more than `riskGenes`, at most 50,000. */
  genes: number;
  seed: number;
  /** Planted risk genes; default 5. */
  riskGenes?: number;
  /** How many of them act through their variant burden (the rest through expression); default ⌈riskGenes / 2⌉. */
  burdenRiskGenes?: number;
  /** |log-odds| per standard deviation of a risk feature; default 1.5. */
  effectSize?: number;
  /** Standard deviation of extra log-odds noise per sample; default 0.5. */
  noise?: number;
  /** Expected share of cases; default 0.5. */
  caseFraction?: number;
  /** Mean variant sites per gene; default 8. */
  variantsPerGene?: number;
  /** Share of genotypes written as missing (`./.`); default 0.01. */
  missingRate?: number;
}

/** A planted risk gene: its feature raises (effect > 0) or lowers the log-odds of being a case. */
export interface PlantedRiskGene {
  gene: string;
  modality: RiskModality;
  /** Log-odds change per standard deviation of the feature. */
  effect: number;
}

/** A simulated cohort: file texts and the answer a risk model should find. */
export interface SimulatedCohort {
  samples: string[];
  genes: string[];
  /** 1 = case, 0 = control, per sample. */
  status: Uint8Array;
  /** Multi-sample VCF (4.2) with INFO/AF and GT. */
  vcf: string;
  /** BED4 of the genes. */
  bed: string;
  /** Genes × samples expression TSV (log scale). */
  expression: string;
  /** `sample` and `status` (case / control) TSV. */
  sampleTable: string;
  truth: {
    riskGenes: PlantedRiskGene[];
    /** The logistic model's intercept (chosen for `caseFraction`). */
    intercept: number;
  };
}

/** Genes whose burden may be planted need at least this share of carriers (else unlearnable). */
const MIN_CARRIER_SHARE = 0.2;
/** Latent factors shared by all genes' expression (co-expression, batch). */
const FACTORS = 3;

// ─── 2. simulateCohort ──────────────────────────────────────────────────────────────────────

/**
 * Simulates a cohort with a known answer. Genes lie on up to 22 chromosomes; each has variant
 * sites (log-uniform allele frequencies 0.2–30%, some multi-allelic, 1% missing calls) and a
 * log-scale expression with its own mean and spread plus shared latent factors. `riskGenes` of
 * them are planted: some through their variant burden (non-reference alleles in the gene, the
 * count `geneBurden` makes), the rest through expression. Status is drawn from a logistic model
 * of those standardised features plus Gaussian noise; every other gene is noise. Same options →
 * same texts.
 *
 * @example
 * const cohort = simulateCohort({ samples: 200, genes: 200, riskGenes: 5, seed: 1 });
 */
export function simulateCohort(o: CohortSimulationOptions): SimulatedCohort {
  const options = checkOptions(o);
  const { samples: n, genes: geneCount, seed } = options;
  const rng = createRng(seed);
  const width = Math.max(3, String(n).length);
  const samples = Array.from({ length: n }, (_, i) => `S${String(i + 1).padStart(width, '0')}`);
  const genes = layOutGenes(geneCount, rng);
  const sites = placeSites(genes, options.variantsPerGene, rng);

  // Genotypes, written as VCF lines while the burden (samples × genes) accumulates.
  const burden = new Float32Array(n * geneCount);
  const lines = [vcfHeader(genes, samples, seed)];
  const genotypes = new Array<string>(n);
  for (const site of sites) {
    const cumulative = site.frequencies.map((_, k) =>
      site.frequencies.slice(0, k + 1).reduce((a, b) => a + b, 0),
    );
    const allele = () => {
      const u = rng.next();
      const k = cumulative.findIndex((c) => u < c);
      return k < 0 ? 0 : k + 1;
    };
    for (let s = 0; s < n; s++) {
      if (rng.next() < options.missingRate) {
        genotypes[s] = './.';
        continue;
      }
      const [a, b] = [allele(), allele()].sort((x, y) => x - y);
      genotypes[s] = `${a}/${b}`;
      if (site.gene >= 0) burden[s * geneCount + site.gene] += (a > 0 ? 1 : 0) + (b > 0 ? 1 : 0);
    }
    lines.push(vcfLine(site, genotypes));
  }

  const expression = simulateExpression(n, geneCount, rng);

  // Risk genes: burden ones among genes with enough carriers, expression ones among the rest.
  const eligible = genes
    .map((_, g) => g)
    .filter((g) => carrierShare(burden, n, geneCount, g) >= MIN_CARRIER_SHARE);
  if (eligible.length < options.burdenRiskGenes) {
    throw new GenomicsError(
      'INVALID_OPTIONS',
      `only ${eligible.length} genes have variants in ≥ ${MIN_CARRIER_SHARE * 100}% of samples, fewer than burdenRiskGenes = ${options.burdenRiskGenes}; raise variantsPerGene or genes`,
    );
  }
  const burdenGenes = rng.shuffle(eligible).slice(0, options.burdenRiskGenes);
  const rest = genes.map((_, g) => g).filter((g) => !burdenGenes.includes(g));
  const expressionGenes = rng.shuffle(rest).slice(0, options.riskGenes - options.burdenRiskGenes);
  const planted = [
    ...burdenGenes.map((g) => ({ g, modality: 'variant-burden' as const, values: burden })),
    ...expressionGenes.map((g) => ({ g, modality: 'expression' as const, values: expression })),
  ].map((p) => ({
    ...p,
    effect: (rng.next() < 0.5 ? -1 : 1) * options.effectSize,
    z: standardised(p.values, n, geneCount, p.g),
  }));

  // Status from the logistic model.
  const eta = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    let v = options.noise * normal(rng);
    for (const p of planted) v += p.effect * (p.z[s] as number);
    eta[s] = v;
  }
  const intercept = interceptFor(eta, options.caseFraction);
  const status = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    status[s] = rng.next() < 1 / (1 + Math.exp(-(intercept + (eta[s] as number)))) ? 1 : 0;
  }

  const names = genes.map((g) => g.name);
  return {
    samples,
    genes: names,
    status,
    vcf: `${lines.join('\n')}\n`,
    bed: genesBed(genes),
    expression: expressionTsv(names, samples, expression),
    sampleTable: sampleTable(samples, status),
    truth: {
      riskGenes: planted.map((p) => ({
        gene: names[p.g] as string,
        modality: p.modality,
        effect: p.effect,
      })),
      intercept,
    },
  };
}

/**
 * Log-scale expression, samples × genes, rounded to the 3 decimals the TSV keeps (so the truth
 * holds for the file): per gene a mean ~ N(7, 1.5²) and spread U(0.25, 1.2), plus 3 latent
 * factors with loadings ~ N(0, 0.15²).
 */
function simulateExpression(n: number, geneCount: number, rng: Rng): Float32Array {
  const means = Array.from({ length: geneCount }, () => 7 + 1.5 * normal(rng));
  const spreads = Array.from({ length: geneCount }, () => 0.25 + 0.95 * rng.next());
  const loadings = Array.from({ length: geneCount * FACTORS }, () => 0.15 * normal(rng));
  const values = new Float32Array(n * geneCount);
  for (let s = 0; s < n; s++) {
    const factors = Array.from({ length: FACTORS }, () => normal(rng));
    for (let g = 0; g < geneCount; g++) {
      let v = (means[g] as number) + (spreads[g] as number) * normal(rng);
      for (let k = 0; k < FACTORS; k++) {
        v += (loadings[g * FACTORS + k] as number) * (factors[k] as number);
      }
      values[s * geneCount + g] = Math.round(v * 1000) / 1000;
    }
  }
  return values;
}

// ─── 3. helpers ─────────────────────────────────────────────────────────────────────────────

function checkOptions(o: CohortSimulationOptions): Required<CohortSimulationOptions> {
  const riskGenes = o.riskGenes ?? 5;
  const options: Required<CohortSimulationOptions> = {
    riskGenes,
    burdenRiskGenes: o.burdenRiskGenes ?? Math.ceil(riskGenes / 2),
    effectSize: o.effectSize ?? 1.5,
    noise: o.noise ?? 0.5,
    caseFraction: o.caseFraction ?? 0.5,
    variantsPerGene: o.variantsPerGene ?? 8,
    missingRate: o.missingRate ?? 0.01,
    ...stripUndefined(o),
  } as Required<CohortSimulationOptions>;
  const fail = (field: string, rule: string, value: unknown): never => {
    throw new GenomicsError('INVALID_OPTIONS', `${field} must be ${rule}, got ${String(value)}`);
  };
  const integerIn = (field: keyof CohortSimulationOptions, min: number, max: number) => {
    const v = options[field] as number;
    if (!Number.isInteger(v) || v < min || v > max)
      fail(field, `an integer in [${min}, ${max}]`, v);
  };
  integerIn('samples', 10, 100_000);
  integerIn('riskGenes', 1, 1000);
  integerIn('genes', options.riskGenes + 1, 50_000);
  integerIn('burdenRiskGenes', 0, options.riskGenes);
  integerIn('variantsPerGene', 1, 1000);
  if (!Number.isInteger(options.seed)) fail('seed', 'an integer', options.seed);
  if (!(options.effectSize > 0 && Number.isFinite(options.effectSize))) {
    fail('effectSize', 'a positive number', options.effectSize);
  }
  if (!(options.noise >= 0 && Number.isFinite(options.noise))) {
    fail('noise', 'a number ≥ 0', options.noise);
  }
  if (!(options.caseFraction > 0 && options.caseFraction < 1)) {
    fail('caseFraction', 'in (0, 1)', options.caseFraction);
  }
  if (!(options.missingRate >= 0 && options.missingRate < 1)) {
    fail('missingRate', 'in [0, 1)', options.missingRate);
  }
  return options;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A standard normal draw (Box–Muller; 1 − u keeps the logarithm finite). */
function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

function carrierShare(values: Float32Array, n: number, cols: number, g: number): number {
  let carriers = 0;
  for (let s = 0; s < n; s++) if ((values[s * cols + g] as number) > 0) carriers++;
  return carriers / n;
}

/** Column g of a samples × cols matrix, standardised to mean 0 and sd 1 (population sd). */
function standardised(values: Float32Array, n: number, cols: number, g: number): Float64Array {
  const z = new Float64Array(n);
  let mean = 0;
  for (let s = 0; s < n; s++) mean += values[s * cols + g] as number;
  mean /= n;
  let variance = 0;
  for (let s = 0; s < n; s++) variance += ((values[s * cols + g] as number) - mean) ** 2;
  const sd = Math.sqrt(variance / n) || 1;
  for (let s = 0; s < n; s++) z[s] = ((values[s * cols + g] as number) - mean) / sd;
  return z;
}

/** The intercept b with mean(sigmoid(b + eta)) = fraction, by bisection (the mean is monotone in b). */
function interceptFor(eta: Float64Array, fraction: number): number {
  let lo = -50;
  let hi = 50;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    let mean = 0;
    for (const e of eta) mean += 1 / (1 + Math.exp(-(mid + e)));
    if (mean / eta.length < fraction) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
