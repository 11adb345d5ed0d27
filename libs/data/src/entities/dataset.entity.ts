import { Entity, Index, ManyToOne, Property, ref } from '@mikro-orm/core';
import type { Opt, Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import type { DatasetKind } from './dataset-kind.ts';
import type { DatasetStatus } from './dataset-status.ts';
import type { DatasetWarning, JsonObject } from './json.ts';
import { Project } from './project.entity.ts';

/**
 * A stored dataset. Its content lives as files in the artifact store (`artifactPath`); the row
 * holds what describes it. A dataset becomes READY only once all its content is written.
 */
@Entity({ tableName: 'dataset' })
@Index({ properties: ['createdAt', 'id'] })
export class Dataset extends BaseEntity {
  @ManyToOne(() => Project, { ref: true })
  project: Ref<Project>;

  @Property({ type: 'string' })
  name: string;

  // Text, not @Enum: MikroORM 6.6.16 reads an SQLite `check (kind in (...))` of more than two
  // items back wrongly, so every schema diff would rebuild the table. The types guard writes.
  @Property({ type: 'string' })
  kind: DatasetKind;

  @Property({ type: 'string' })
  status: DatasetStatus & Opt = 'IMPORTING';

  @Property({ type: 'integer' })
  recordCount: number & Opt = 0;

  /** Length in bases when every sequence has the same length; null otherwise. */
  @Property({ type: 'integer', nullable: true })
  sequenceLength: number | null = null;

  /** Records per label, e.g. `{ "0": 1000, "1": 1000 }`. */
  @Property({ type: 'json' })
  labelCounts: Record<string, number> & Opt = {};

  /** SHA-256 (hex) of the stored content; set when the dataset becomes READY. */
  @Property({ type: 'string', nullable: true })
  checksum: string | null = null;

  /** e.g. `GRCh38`; null when the data is not tied to a reference genome. */
  @Property({ type: 'string', nullable: true })
  genomeBuild: string | null = null;

  /** Relative to the artifact root. */
  @Property({ type: 'string', nullable: true })
  artifactPath: string | null = null;

  @Property({ type: 'json', nullable: true })
  summary: JsonObject | null = null;

  /**
   * What the readers tolerated while importing it, one entry per rule with its count and first
   * few examples (FILE:LINE, what Strand did); `[]` when the files were clean, null for datasets
   * imported before warnings were kept.
   */
  @Property({ type: 'json', nullable: true })
  warnings: DatasetWarning[] | null = null;

  /** How it was made, e.g. `{ generator: 'planted-motifs', motifs: ['MA0139.1'], seed: 1 }`. */
  @Property({ type: 'json' })
  source: JsonObject & Opt = {};

  constructor(project: Project | Ref<Project>, name: string, kind: DatasetKind) {
    super();
    this.project = ref(project);
    this.name = name;
    this.kind = kind;
  }
}
