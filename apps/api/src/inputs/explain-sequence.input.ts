import { Field, ID, InputType, Int } from 'type-graphql';
import { EXPLAIN_LIMITS } from '@strand/jobs';
import { ExplainMethod } from '../types/explanation.type.ts';
import { ModelChoiceInput } from './model-choice.input.ts';

@InputType({
  description: `Sequences to explain (given inline, or the first records of a sequence dataset; at most ${EXPLAIN_LIMITS.sequences}) and the model to explain: name it by exactly one of runId, modelVersionId, or modelName with alias.`,
})
export class ExplainSequenceInput extends ModelChoiceInput {
  @Field(() => [String], {
    nullable: true,
    description: `1–${EXPLAIN_LIMITS.sequences} sequences of A, C, G, T, N (either case), each of the model's input length.`,
  })
  sequences?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Instead of sequences: a sequence dataset of the project (of the input length).',
  })
  datasetId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `With datasetId: how many of its first records (1–${EXPLAIN_LIMITS.sequences}; default ${EXPLAIN_LIMITS.defaultLimit}).`,
  })
  limit?: number | null;

  @Field(() => ExplainMethod)
  method!: ExplainMethod;

  @Field(() => Int, {
    nullable: true,
    description: 'Which model output to explain (0-based); default 0.',
  })
  task?: number | null;
}
