import { Field, Float, ObjectType } from 'type-graphql';
import { BOUNDS } from '../limits/bounds.ts';

@ObjectType({
  description: 'A named metric value (loss, val_loss, val_auroc, val_auprc, val_accuracy, …).',
})
export class Metric {
  @Field(() => String)
  name!: string;

  @Field(() => Float)
  value!: number;
}

/** Turns a metrics record into a list, in a stable order (insertion order of the record). */
export function toMetrics(record: Record<string, number> | null | undefined): Metric[] {
  return Object.entries(record ?? {})
    .filter(([, value]) => Number.isFinite(value))
    .slice(0, BOUNDS.metrics)
    .map(([name, value]) => Object.assign(new Metric(), { name, value }));
}
