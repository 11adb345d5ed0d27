/**
 * A simulated microarray cohort of the p ≫ n shape real expression studies have (tens of
 * thousands of probes, tens of samples, two classes): the shape on which a model's defaults
 * must hold up against a logistic-regression baseline.
 *
 * Map of this file:
 *   1. options and result types
 *   2. simulateExpressionCohort ... probes (log2 means and spreads) → modules of co-expressed
 *                                   probes → classes → informative probes shifted by class
 *   3. checks and helpers
 */
import { GenomicsError } from '../errors/genomics-error.ts';
import { createRng } from '../random/rng.ts';
import type { Rng } from '../random/rng.ts';
import { expressionTsv, sampleTable } from '../cohort/cohort-text.ts';

// ─── 1. types ───────────────────────────────────────────────────────────────────────────────

/** Options of {@link simulateExpressionCohort}. */
export interface ExpressionCohortOptions {
  /** Samples, 10 to 10,000. */
  samples: number;
  /** Probes, more than `informative`, at most 100,000. */
  probes: number;
  seed: number;
  /** Probes whose mean differs between the classes; default 40. */
  informative?: number;
  /**
   * Difference of an informative probe's class means in units of its within-class sd (Cohen's
   * d); default 0.8 (modest: no single probe separates the classes).
   */
  effectSize?: number;
  /** Share of cases; default 0.5. Exactly round(samples × caseFraction) samples are cases. */
  caseFraction?: number;
  /** Probes per co-expression module; default 50 (every probe lies in one module). */
  moduleSize?: number;
  /** Correlation of two probes of one module; default 0.4. */
  moduleCorrelation?: number;
  /**
   * Modules the informative probes are spread over (so they are correlated with each other and
   * with uninformative probes of their modules); default ⌈informative / 8⌉ (at most the
   * number of whole modules).
   */
  informativeModules?: number;
}

/** A simulated cohort: file texts and which probes carry the signal. */
export interface SimulatedExpressionCohort {
  samples: string[];
  probes: string[];
  /** 1 = case, 0 = control, per sample. */
  status: Uint8Array;
  /** Probes × samples log2 expression TSV (first column `gene`, the probe id), 3 decimals. */
  expression: string;
  /** `sample` and `status` (case / control) TSV. */
  sampleTable: string;
  truth: {
    /** Informative probes and the sign of their case − control shift. */
    informative: { probe: string; direction: 1 | -1 }[];
    effectSize: number;
    cases: number;
    controls: number;
  };
}

// ─── 2. simulateExpressionCohort ────────────────────────────────────────────────────────────

/**
 * Simulates log2 microarray intensities: per probe a mean ~ N(7, 1.5²) kept in [2, 14] and a
 * within-class sd that is log-normal around 0.35 (some probes barely vary, a few vary a lot);
 * probes lie in modules of `moduleSize` sharing one latent factor per sample (pairwise
 * correlation `moduleCorrelation`); `informative` probes, spread over `informativeModules`
 * modules, have case and control means `effectSize` sds apart (up or down at random). Every
 * other probe is noise. Same options → same texts.
 *
 * @example
 * const cohort = simulateExpressionCohort({ samples: 60, probes: 20_000, seed: 1 });
 */
export function simulateExpressionCohort(o: ExpressionCohortOptions): SimulatedExpressionCohort {
  const options = checkOptions(o);
  const { samples: n, probes: p, seed } = options;
  const rng = createRng(seed);
  const width = Math.max(3, String(n).length);
  const samples = Array.from({ length: n }, (_, i) => `S${String(i + 1).padStart(width, '0')}`);
  const probeWidth = Math.max(5, String(p).length);
  const probes = Array.from({ length: p }, (_, j) => `p${String(j + 1).padStart(probeWidth, '0')}`);

  // Classes: exactly round(n × caseFraction) cases, in a seeded order.
  const cases = Math.round(n * options.caseFraction);
  const status = rng.shuffle(Uint8Array.from({ length: n }, (_, i) => (i < cases ? 1 : 0)));

  // Probes: mean, within-class sd, module (a seeded permutation cut into modules).
  const means = Float64Array.from({ length: p }, () => clamp(7 + 1.5 * normal(rng), 2, 14));
  const sds = Float64Array.from({ length: p }, () => 0.35 * Math.exp(0.5 * normal(rng)));
  const order = rng.shuffle(Int32Array.from({ length: p }, (_, j) => j));
  const moduleOf = new Int32Array(p);
  order.forEach((probe, rank) => (moduleOf[probe] = Math.floor(rank / options.moduleSize)));
  const modules = Math.ceil(p / options.moduleSize);

  // Informative probes: the first probes (in module order) of `informativeModules` modules.
  const fullModules = Math.floor(p / options.moduleSize);
  const chosenModules = rng
    .shuffle(Int32Array.from({ length: fullModules }, (_, m) => m))
    .slice(0, options.informativeModules);
  const shift = new Float64Array(p);
  const informative: { probe: string; direction: 1 | -1 }[] = [];
  for (let k = 0; k < options.informative; k++) {
    const m = chosenModules[k % chosenModules.length] as number;
    const rank = m * options.moduleSize + Math.floor(k / chosenModules.length);
    const probe = order[rank] as number;
    const direction = rng.next() < 0.5 ? -1 : 1;
    shift[probe] = direction * options.effectSize;
    informative.push({ probe: probes[probe] as string, direction });
  }

  const loading = Math.sqrt(options.moduleCorrelation);
  const unique = Math.sqrt(1 - options.moduleCorrelation);
  const values = new Float32Array(n * p);
  const factors = new Float64Array(modules);
  for (let s = 0; s < n; s++) {
    for (let m = 0; m < modules; m++) factors[m] = normal(rng);
    const side = status[s] === 1 ? 0.5 : -0.5;
    for (let j = 0; j < p; j++) {
      const z =
        loading * (factors[moduleOf[j] as number] as number) +
        unique * normal(rng) +
        side * (shift[j] as number);
      values[s * p + j] = Math.round(((means[j] as number) + (sds[j] as number) * z) * 1000) / 1000;
    }
  }

  return {
    samples,
    probes,
    status,
    expression: expressionTsv(probes, samples, values),
    sampleTable: sampleTable(samples, status),
    truth: {
      informative: informative.sort((a, b) => (a.probe < b.probe ? -1 : 1)),
      effectSize: options.effectSize,
      cases,
      controls: n - cases,
    },
  };
}

// ─── 3. checks and helpers ──────────────────────────────────────────────────────────────────

function checkOptions(o: ExpressionCohortOptions): Required<ExpressionCohortOptions> {
  const informative = o.informative ?? 40;
  const moduleSize = o.moduleSize ?? 50;
  const options: Required<ExpressionCohortOptions> = {
    informative,
    effectSize: 0.8,
    caseFraction: 0.5,
    moduleSize: 50,
    moduleCorrelation: 0.4,
    informativeModules: Math.max(
      1,
      Math.min(Math.ceil(informative / 8), Math.floor(o.probes / moduleSize)),
    ),
    ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)),
  } as Required<ExpressionCohortOptions>;
  const fail = (field: string, rule: string, value: unknown): never => {
    throw new GenomicsError('INVALID_OPTIONS', `${field} must be ${rule}, got ${String(value)}`);
  };
  const integerIn = (field: keyof ExpressionCohortOptions, min: number, max: number) => {
    const v = options[field] as number;
    if (!Number.isInteger(v) || v < min || v > max)
      fail(field, `an integer in [${min}, ${max}]`, v);
  };
  integerIn('samples', 10, 10_000);
  integerIn('informative', 1, 10_000);
  integerIn('probes', options.informative + 1, 100_000);
  integerIn('moduleSize', 1, options.probes);
  const fullModules = Math.floor(options.probes / options.moduleSize);
  integerIn('informativeModules', 1, Math.min(fullModules, options.informative));
  if (Math.ceil(options.informative / options.informativeModules) > options.moduleSize) {
    fail(
      'informative',
      `at most informativeModules × moduleSize (${options.informativeModules * options.moduleSize})`,
      options.informative,
    );
  }
  if (!Number.isInteger(options.seed)) fail('seed', 'an integer', options.seed);
  if (!(options.effectSize > 0 && options.effectSize <= 10)) {
    fail('effectSize', 'in (0, 10]', options.effectSize);
  }
  if (!(options.moduleCorrelation >= 0 && options.moduleCorrelation < 1)) {
    fail('moduleCorrelation', 'in [0, 1)', options.moduleCorrelation);
  }
  const cases = Math.round(options.samples * options.caseFraction);
  if (!(options.caseFraction > 0 && options.caseFraction < 1) || cases < 2) {
    fail('caseFraction', 'in (0, 1) with at least 2 cases and 2 controls', options.caseFraction);
  }
  if (options.samples - cases < 2) {
    fail('caseFraction', 'in (0, 1) with at least 2 cases and 2 controls', options.caseFraction);
  }
  return options;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** A standard normal draw (Box–Muller; 1 − u keeps the logarithm finite). */
function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}
