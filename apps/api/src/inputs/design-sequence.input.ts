import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import { DESIGN_LIMITS } from '@strand/jobs';
import { ModelChoiceInput } from './model-choice.input.ts';

export enum DesignMethod {
  GREEDY = 'greedy',
  BEAM = 'beam',
  EVOLUTION = 'evolution',
}
registerEnumType(DesignMethod, {
  name: 'DesignMethod',
  description:
    'GREEDY: the best single edit per step; BEAM: the beamWidth best sequences per step; EVOLUTION: directed evolution (a seeded, elitist population).',
});

export enum DesignDirection {
  UP = 'up',
  DOWN = 'down',
}
registerEnumType(DesignDirection, {
  name: 'DesignDirection',
  description: "Raise or lower the output's logit.",
});

@InputType({
  description:
    'Model-guided design (strand design): single-base edits of a start sequence that raise or lower a model output under constraints. Name the model by exactly one of runId, modelVersionId, or modelName with alias.',
})
export class DesignSequenceInput extends ModelChoiceInput {
  @Field(() => String, {
    description: "The start sequence: A, C, G, T (either case), of the model's input length.",
  })
  sequence!: string;

  @Field(() => DesignMethod, { nullable: true, description: 'Default GREEDY.' })
  method?: DesignMethod | null;

  @Field(() => DesignDirection, { nullable: true, description: 'Default UP.' })
  direction?: DesignDirection | null;

  @Field(() => Int, { nullable: true, description: 'The model output (0-based); default 0.' })
  task?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Positions that may differ from the start, 1–${DESIGN_LIMITS.maxEdits}; default ${DESIGN_LIMITS.defaultMaxEdits}.`,
  })
  maxEdits?: number | null;

  @Field(() => [Int], {
    nullable: true,
    description: '0-based positions never edited.',
  })
  fixedPositions?: number[] | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Least GC fraction of every sequence tried, in [0, 1]; default 0.',
  })
  gcMin?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Largest GC fraction, in [0, 1]; default 1.',
  })
  gcMax?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `BEAM: sequences kept per step, 1–${DESIGN_LIMITS.beamWidth}; default ${DESIGN_LIMITS.defaultBeamWidth}.`,
  })
  beamWidth?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `EVOLUTION: population, 1–${DESIGN_LIMITS.population}; default ${DESIGN_LIMITS.defaultPopulation}.`,
  })
  population?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `EVOLUTION: generations, 1–${DESIGN_LIMITS.generations}; default maxEdits × 5.`,
  })
  generations?: number | null;

  @Field(() => Int, { nullable: true, description: 'EVOLUTION: default 1.' })
  seed?: number | null;
}
