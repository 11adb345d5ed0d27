import { Field, ID, InputType, Int } from 'type-graphql';
import { EXPLAIN_LIMITS } from '@strand/jobs';
import { ExplainMethod } from '../types/explanation.type.ts';
import { ModelChoiceInput } from './model-choice.input.ts';

@InputType({
  description: `Sequences to explain (given inline, the first records of a sequence dataset, or regions of a reference FASTA; at most ${EXPLAIN_LIMITS.sequences}) and the model to explain: name it by exactly one of runId, modelVersionId, or modelName with alias.`,
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

  @Field(() => [String], {
    nullable: true,
    description: `Instead of sequences: 1–${EXPLAIN_LIMITS.sequences} genomic regions of the reference, each "chrom:start-end" (1-based, inclusive, as igv writes a locus; commas allowed) with an optional ":+" or ":-" (a "-" region is explained as the reverse complement), each exactly the model's input length. The result keeps each region's chrom, start, end and strand.`,
  })
  regions?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The reference FASTA of the regions (required with regions; optional with a datasetId, whose intervals records then show in the genome view): a path relative to the import directory (STRAND_IMPORT_DIR), plain or bgzip, as scoreVariants' reference. Served to project members at GET /jobs/<id>/reference/{sequence,fai,gzi}.",
  })
  reference?: string | null;

  @Field(() => ExplainMethod)
  method!: ExplainMethod;

  @Field(() => Int, {
    nullable: true,
    description: 'Which model output to explain (0-based); default 0.',
  })
  task?: number | null;
}
