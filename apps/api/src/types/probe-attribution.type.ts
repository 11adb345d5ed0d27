import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { StoredProbeAttribution } from '@strand/jobs';

@ObjectType({
  description:
    "One probe's gradient × input attribution at one epoch's weights (live interpretation).",
})
export class ProbeAttribution {
  @Field(() => Int, { description: '0-based index into the run’s probes.' })
  probe!: number;

  @Field(() => Int, { description: 'The epoch whose weights it was computed at.' })
  epoch!: number;

  @Field(() => String, { description: 'The probe sequence.' })
  sequence!: string;

  @Field(() => Float, {
    description:
      "The attributed output: the model's one output, or of several columns the one it predicts highest for the probe.",
  })
  output!: number;

  @Field(() => [Float], {
    description:
      '[length × 4] row-major (A, C, G, T), 4 significant digits: ∂output/∂x × x, non-zero only at the probe’s own bases.',
  })
  scores!: number[];

  static from(
    stored: StoredProbeAttribution,
    epoch: number,
    probes: readonly string[],
  ): ProbeAttribution {
    return Object.assign(new ProbeAttribution(), {
      ...stored,
      epoch,
      sequence: probes[stored.probe] ?? '',
    });
  }
}
