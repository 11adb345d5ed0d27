import { Field, InputType } from 'type-graphql';
import { SortDirection } from '../types/sort-direction.enum.ts';

@InputType({
  description:
    'How to sort runs: by a final metric when `metric` is given (runs without it come last, ties newest first), else by createdAt.',
})
export class RunOrderInput {
  @Field(() => String, {
    nullable: true,
    description: 'A final metric name, e.g. val_auroc (letters, digits and _).',
  })
  metric?: string | null;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction!: SortDirection;
}
