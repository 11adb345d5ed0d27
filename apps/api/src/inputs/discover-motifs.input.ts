import { Field, ID, InputType, Int } from 'type-graphql';
import { DISCOVER_MOTIFS_LIMITS } from '@strand/jobs';
import { ModelChoiceInput } from './model-choice.input.ts';

@InputType({
  description:
    'A sequence dataset of the project and the model whose DeepSHAP attributions over it are searched for motifs: name the model by exactly one of runId, modelVersionId, or modelName with alias.',
})
export class DiscoverMotifsInput extends ModelChoiceInput {
  @Field(() => ID, {
    description: "A sequence dataset of the project, of the model's input length.",
  })
  datasetId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Only the records with this label (e.g. "1", the positives); default every record.',
  })
  label?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `At most this many records (1–${DISCOVER_MOTIFS_LIMITS.sequences}; default ${DISCOVER_MOTIFS_LIMITS.defaultSequences}).`,
  })
  limit?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The model output explained (0-based); default 0.',
  })
  task?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `DeepSHAP references (dinucleotide shuffles) per sequence, 1–${DISCOVER_MOTIFS_LIMITS.shuffles}; default ${DISCOVER_MOTIFS_LIMITS.defaultShuffles}.`,
  })
  shuffles?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A JASPAR file in the server's import directory (STRAND_IMPORT_DIR) to match motifs to; default Strand's bundled motifs.",
  })
  jaspar?: string | null;
}
