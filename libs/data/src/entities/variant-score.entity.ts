import {
  Entity,
  Index,
  ManyToOne,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  ref,
} from '@mikro-orm/core';
import type { Ref } from '@mikro-orm/core';
import { Job } from './job.entity.ts';

/** The numbers of one scored allele × task (what `scores.tsv` holds, as a row). */
export interface VariantScoreValues {
  chrom: string;
  pos: number;
  /** The VCF ID column (`;`-joined); null where it was `.`. */
  variantId: string | null;
  ref: string;
  alt: string;
  task: string;
  refPred: number;
  altPred: number;
  diff: number;
  absDiff: number;
  logOddsChange: number;
  /**
   * The mid-rank of |diff| among a background's (scored with `--background`); null or absent
   * when the job had no background.
   */
  quantile?: number | null;
}

/**
 * One row of a variant-scoring job's results (one allele × one model task), so results can be
 * paged, sorted by effect and filtered without reading the files. Not a BaseEntity: a job may
 * write millions of these, and (job, row) — `row` being the 0-based line of `scores.tsv` — is
 * already a stable identity and the tie-breaker of every sort. The three indexes end in `row`
 * so that each sort (effect, signed effect, position) with its tie-breaker reads an index
 * in order instead of sorting a job's rows per page.
 */
@Entity({ tableName: 'variant_score' })
@Index({ properties: ['job', 'absDiff', 'row'] })
@Index({ properties: ['job', 'diff', 'row'] })
@Index({ properties: ['job', 'chrom', 'pos', 'row'] })
export class VariantScore implements VariantScoreValues {
  [PrimaryKeyProp]?: ['job', 'row'];

  // No index of its own: the primary key and every index below start with job_id.
  @ManyToOne(() => Job, { ref: true, primary: true, deleteRule: 'cascade', index: false })
  job: Ref<Job>;

  @PrimaryKey({ type: 'integer', autoincrement: false })
  row: number;

  @Property({ type: 'string' })
  chrom: string;

  @Property({ type: 'integer' })
  pos: number;

  @Property({ type: 'string', nullable: true })
  variantId: string | null;

  @Property({ type: 'text' })
  ref: string;

  @Property({ type: 'text' })
  alt: string;

  @Property({ type: 'string' })
  task: string;

  @Property({ type: 'double' })
  refPred: number;

  @Property({ type: 'double' })
  altPred: number;

  @Property({ type: 'double' })
  diff: number;

  @Property({ type: 'double' })
  absDiff: number;

  @Property({ type: 'double' })
  logOddsChange: number;

  @Property({ type: 'double', nullable: true })
  quantile: number | null;

  constructor(job: Job | Ref<Job>, row: number, values: VariantScoreValues) {
    this.job = ref(job);
    this.row = row;
    this.chrom = values.chrom;
    this.pos = values.pos;
    this.variantId = values.variantId;
    this.ref = values.ref;
    this.alt = values.alt;
    this.task = values.task;
    this.refPred = values.refPred;
    this.altPred = values.altPred;
    this.diff = values.diff;
    this.absDiff = values.absDiff;
    this.logOddsChange = values.logOddsChange;
    this.quantile = values.quantile ?? null;
  }
}
