/**
 * Which columns of a sequence table hold what: the id, the sequence, zero or more label columns
 * (targets), numeric feature columns (a model's second input) and a per-position count profile.
 * Resolved once from the header; see {@link resolveSequenceTableLayout} for the defaults.
 */

import type { ReadOptions } from '../../warnings/read-warning.ts';

/** Column options of {@link openSequenceTable} (`label`, `strict`, `warnings` as every reader). */
export interface SequenceTableColumnOptions extends ReadOptions {
  /** Default `id`. */
  idColumn?: string;
  /** Default `sequence`. */
  sequenceColumn?: string;
  /**
   * The label columns, in this order. Default: `label` when the header has it, else every column
   * named `label_*` (in file order), else none when a profile column is read.
   */
  labelColumns?: readonly string[];
  /**
   * Numeric feature columns: each entry is a column name or a prefix (`cpg_`, or `cpg_*`) that
   * selects every column starting with it, in file order. A name that is a column is that
   * column only. Default: none.
   */
  featureColumns?: readonly string[];
  /**
   * The per-position count column (see {@link SequenceTableRecord.profile}). Default: `counts`
   * when the header has it and no label column was named or found; null: never read one.
   */
  profileColumn?: string | null;
}

/** What each column of a sequence table holds, resolved from its header. */
export interface SequenceTableLayout {
  idColumn: string;
  sequenceColumn: string;
  labelColumns: string[];
  featureColumns: string[];
  profileColumn: string | null;
}

/** The layout and the field index of each of its columns. */
export interface ResolvedLayout {
  layout: SequenceTableLayout;
  id: number;
  sequence: number;
  labels: number[];
  features: number[];
  profile: number;
}

/** Columns named `label_*` hold one label each (a multitask table). */
const MULTI_LABEL = /^label_./;
const DEFAULT_PROFILE = 'counts';

/**
 * Resolves the column options against a header; returns the layout or why it does not fit (a
 * sentence for a FormatError at the header line).
 */
export function resolveSequenceTableLayout(
  header: readonly string[],
  o: SequenceTableColumnOptions,
): ResolvedLayout | string {
  const idColumn = o.idColumn ?? 'id';
  const sequenceColumn = o.sequenceColumn ?? 'sequence';
  const has = (name: string) => header.includes(name);
  let labelColumns = o.labelColumns ? [...o.labelColumns] : undefined;
  let profileColumn = o.profileColumn === undefined ? undefined : o.profileColumn;
  let defaultLabelMissing = false;
  if (labelColumns === undefined) {
    if (has('label')) labelColumns = ['label'];
    else {
      labelColumns = header.filter((h) => MULTI_LABEL.test(h));
      if (labelColumns.length === 0) {
        const profile = profileColumn === undefined ? DEFAULT_PROFILE : profileColumn;
        if (profile === null || !has(profile)) defaultLabelMissing = true;
      }
    }
  }
  if (profileColumn === undefined) {
    profileColumn = labelColumns.length === 0 && has(DEFAULT_PROFILE) ? DEFAULT_PROFILE : null;
  }
  const needed = [
    idColumn,
    ...(defaultLabelMissing ? ['label'] : labelColumns),
    sequenceColumn,
    ...(profileColumn === null ? [] : [profileColumn]),
  ];
  const missing = needed.filter((name) => !has(name));
  if (missing.length) {
    const hint = defaultLabelMissing
      ? '; several label columns may be named label_*, and a table of per-position counts needs a counts column instead'
      : '';
    return `the header needs columns ${needed.join(', ')}; missing ${missing.join(', ')} (found ${header.join(', ')})${hint}`;
  }
  const taken = new Map<string, string>([
    [idColumn, 'the id column'],
    [sequenceColumn, 'the sequence column'],
  ]);
  const claim = (name: string, role: string): string | undefined => {
    const other = taken.get(name);
    if (other !== undefined) return `column "${name}" cannot be ${role} and ${other}`;
    taken.set(name, role);
    return undefined;
  };
  for (const name of labelColumns) {
    const problem = claim(name, 'a label column');
    if (problem) return problem;
  }
  if (profileColumn !== null) {
    const problem = claim(profileColumn, 'the profile column');
    if (problem) return problem;
  }
  const featureColumns: string[] = [];
  for (const entry of o.featureColumns ?? []) {
    const exact = !entry.endsWith('*') && has(entry);
    const prefix = entry.endsWith('*') ? entry.slice(0, -1) : entry;
    const matches = exact ? [entry] : header.filter((h) => h.startsWith(prefix) && !taken.has(h));
    if (matches.length === 0) {
      return `no column is named or starts with "${prefix}" for the feature columns (found ${header.join(', ')})`;
    }
    for (const name of matches) {
      if (featureColumns.includes(name)) continue;
      const problem = claim(name, 'a feature column');
      if (problem) return problem;
      featureColumns.push(name);
    }
  }
  const at = (name: string) => header.indexOf(name);
  return {
    layout: { idColumn, sequenceColumn, labelColumns, featureColumns, profileColumn },
    id: at(idColumn),
    sequence: at(sequenceColumn),
    labels: labelColumns.map(at),
    features: featureColumns.map(at),
    profile: profileColumn === null ? -1 : at(profileColumn),
  };
}
