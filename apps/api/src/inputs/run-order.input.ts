import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../types/sort-direction.enum.ts';

/** A run column the runs list can be sorted by (values are the libs/data column names). */
export enum RunSortField {
  STATUS = 'status',
  ARCHITECTURE = 'architecture',
  EPOCHS = 'epochs',
  BATCH_SIZE = 'batchSize',
  LEARNING_RATE = 'learningRate',
  SEED = 'seed',
}

registerEnumType(RunSortField, {
  name: 'RunSortField',
  description: 'A run column to sort by (STATUS sorts by the status name).',
});

@InputType({
  description:
    'How to sort runs: by a final metric when `metric` is given (runs without it come last, ties newest first), by a run column when `field` is given (ties newest first), else by createdAt. Give at most one of metric and field.',
})
export class RunOrderInput {
  @Field(() => String, {
    nullable: true,
    description: 'A final metric name, e.g. val_auroc (letters, digits and _).',
  })
  metric?: string | null;

  @Field(() => RunSortField, { nullable: true, description: 'A run column, e.g. LEARNING_RATE.' })
  field?: RunSortField | null;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction!: SortDirection;
}
