import { Field, ID, InputType } from 'type-graphql';

/**
 * The project and the trained model a job applies, named by exactly one of runId,
 * modelVersionId, or modelName with alias (the inputs of scoreVariants and explainSequence).
 */
@InputType()
export abstract class ModelChoiceInput {
  @Field(() => ID, { nullable: true, description: "Default: the caller's only project." })
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A SUCCEEDED run whose saved model to use.' })
  runId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A registered model version.' })
  modelVersionId?: string | null;

  @Field(() => String, { nullable: true, description: 'A registered model name (with alias).' })
  modelName?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. production (with modelName).' })
  alias?: string | null;
}
