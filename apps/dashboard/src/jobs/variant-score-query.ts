import type { SortDirection, VariantScoreSortField } from '../graphql/types.ts';
import type { VariantScoresVariables } from '../graphql/operations.ts';

/** What a person set above the variant-scores table. */
export interface VariantScoreControls {
  sort: VariantScoreSortField;
  direction: SortDirection;
  /** Chromosome, `17` or `chr17` (the API finds the VCF's spelling); blank: all. */
  chrom: string;
  /** Minimum |diff| as typed; blank: none. */
  minAbsDiff: string;
  /** Model task; blank: all. */
  task: string;
}

export const DEFAULT_CONTROLS: VariantScoreControls = {
  sort: 'ABS_DIFF',
  direction: 'DESC',
  chrom: '',
  minAbsDiff: '',
  task: '',
};

/** The filter and order variables of the controls, or the message for a bad min |diff|. */
export function variantScoreQuery(
  controls: VariantScoreControls,
):
  | { ok: true; variables: Pick<VariantScoresVariables, 'filter' | 'orderBy'> }
  | { ok: false; error: string } {
  const typed = controls.minAbsDiff.trim();
  const min = typed === '' ? null : Number(typed);
  if (min !== null && !(Number.isFinite(min) && min >= 0)) {
    return { ok: false, error: `min |diff| must be a number ≥ 0; got "${typed.slice(0, 20)}"` };
  }
  const chrom = controls.chrom.trim();
  const task = controls.task.trim();
  const filter = {
    ...(chrom ? { chrom } : {}),
    ...(min !== null && min > 0 ? { minAbsDiff: min } : {}),
    ...(task ? { task } : {}),
  };
  return {
    ok: true,
    variables: {
      filter: Object.keys(filter).length > 0 ? filter : null,
      orderBy: { field: controls.sort, direction: controls.direction },
    },
  };
}

/**
 * The controls after a click on a sortable column: the same column flips the direction, another
 * one starts with its natural order (largest effects first; positions from the start).
 */
export function sortBy(
  controls: VariantScoreControls,
  field: VariantScoreSortField,
): VariantScoreControls {
  if (controls.sort === field) {
    return { ...controls, direction: controls.direction === 'DESC' ? 'ASC' : 'DESC' };
  }
  return { ...controls, sort: field, direction: field === 'POSITION' ? 'ASC' : 'DESC' };
}
