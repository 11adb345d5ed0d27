import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { Dataset as DatasetEntity } from '@strand/data';
import { connectionOf } from './connection.ts';
import { Node } from './node.interface.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@ObjectType({ description: 'How many records carry a label.' })
export class LabelCount {
  @Field(() => String)
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'One tolerated deviation where it was found.' })
export class WarningExample {
  @Field(() => String, { description: 'The file name (as imported).' })
  file!: string;

  @Field(() => Int, { description: '1-based line number.' })
  line!: number;

  @Field(() => String, { description: 'What is wrong and what Strand did about it.' })
  message!: string;
}

@ObjectType({
  description:
    'What a reader tolerated while importing a dataset, for one rule: how often, and the first few places.',
})
export class DatasetWarning {
  @Field(() => String, {
    description: 'A stable identifier of the deviation, e.g. vcf-reserved-definition.',
  })
  rule!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => [WarningExample], {
    description: `The first few (at most ${BOUNDS.warningExamples}), in file order.`,
  })
  @ListBound(BOUNDS.warningExamples, 'values')
  examples!: WarningExample[];
}

@ObjectType({
  implements: Node,
  description: 'A stored dataset; its content lives in the artifact store.',
})
export class Dataset implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, {
    description: 'sequence-classification, sequence-regression, variants, expression, or pileups (candidates of a variant call with their pileup images: pileupCandidates, pileupImage).',
  })
  kind!: string;

  @Field(() => String, { description: 'IMPORTING, READY or FAILED.' })
  status!: string;

  @Field(() => Int)
  recordCount!: number;

  @Field(() => Int, { nullable: true })
  sequenceLength!: number | null;

  @Field(() => [LabelCount], {
    description: `Records per label, the most frequent first (at most ${BOUNDS.labelCounts}).`,
  })
  @ListBound(BOUNDS.labelCounts, 'values')
  labelCounts!: LabelCount[];

  @Field(() => String, { nullable: true, description: 'SHA-256 of the stored content.' })
  checksum!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The genome build given at import (e.g. GRCh38); null when none was given.',
  })
  genomeBuild!: string | null;

  @Field(() => [DatasetWarning], {
    description: `What the readers tolerated while importing it (read as htslib or the format's common readers do), one entry per rule (at most ${BOUNDS.warningRules}); empty for clean files and for datasets imported before warnings were kept. Import with strict to refuse them instead.`,
  })
  @ListBound(BOUNDS.warningRules, 'values')
  warnings!: DatasetWarning[];

  @Field(() => Int, { description: 'Warnings in all (the sum of warnings.count).' })
  warningCount!: number;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  /** Not a field: resolved by DatasetResolver.project. */
  projectId!: string;

  static from(entity: DatasetEntity): Dataset {
    return Object.assign(new Dataset(), {
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      status: entity.status,
      recordCount: entity.recordCount,
      sequenceLength: entity.sequenceLength ?? null,
      labelCounts: Object.entries(entity.labelCounts ?? {})
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .slice(0, BOUNDS.labelCounts)
        .map(([label, count]) => Object.assign(new LabelCount(), { label, count })),
      checksum: entity.checksum ?? null,
      genomeBuild: entity.genomeBuild ?? null,
      warnings: (entity.warnings ?? []).slice(0, BOUNDS.warningRules).map((w) =>
        Object.assign(new DatasetWarning(), {
          rule: w.rule,
          count: w.count,
          examples: w.examples.slice(0, BOUNDS.warningExamples).map((e) =>
            Object.assign(new WarningExample(), {
              file: e.file,
              line: e.line,
              message: e.message,
            }),
          ),
        }),
      ),
      warningCount: (entity.warnings ?? []).reduce((sum, w) => sum + w.count, 0),
      createdAt: entity.createdAt,
      projectId: entity.project.id,
    });
  }
}

export const DatasetConnection = connectionOf('Dataset', Dataset);
