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
    description: 'sequence-classification, sequence-regression, variants or expression.',
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
      createdAt: entity.createdAt,
      projectId: entity.project.id,
    });
  }
}

export const DatasetConnection = connectionOf('Dataset', Dataset);
