import { registerEnumType } from 'type-graphql';

/** How a sweep picks its trials (values as the SWEEP job takes them). */
export enum SweepMethod {
  GRID = 'grid',
  RANDOM = 'random',
}
registerEnumType(SweepMethod, {
  name: 'SweepMethod',
  description:
    'GRID: every combination of the listed values, first parameter slowest; RANDOM: seeded draws (ranges allowed).',
});

/** Whether larger values of a sweep's metric are better. */
export enum SweepDirection {
  MAXIMIZE = 'maximize',
  MINIMIZE = 'minimize',
}
registerEnumType(SweepDirection, {
  name: 'SweepDirection',
  description: 'Whether larger (MAXIMIZE) or smaller (MINIMIZE) values of the metric are better.',
});
