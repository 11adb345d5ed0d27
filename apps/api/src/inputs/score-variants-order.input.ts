import { Field, InputType } from 'type-graphql';
import { SortDirection } from '../types/sort-direction.enum.ts';
import { VariantScoreSortField } from '../types/variant-score.type.ts';

@InputType({
  description: 'How to sort variant scores (default: largest |effect| first); ties by row.',
})
export class VariantScoreOrderInput {
  @Field(() => VariantScoreSortField, { defaultValue: VariantScoreSortField.ABS_DIFF })
  field!: VariantScoreSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction!: SortDirection;
}
