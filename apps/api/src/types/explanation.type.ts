import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EXPLAIN_LIMITS, TOP_POSITIONS } from '@strand/jobs';
import type { ExplainTaskResult, SequenceExplanation } from '@strand/jobs';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

/** Attribution methods (the job's `method` parameter is the lower-case value). */
export enum ExplainMethod {
  ISM = 'ism',
  SALIENCY = 'saliency',
  GRADXINPUT = 'gradxinput',
  IG = 'ig',
  DEEPLIFT = 'deeplift',
  DEEPSHAP = 'deepshap',
}
registerEnumType(ExplainMethod, {
  name: 'ExplainMethod',
  description: 'How a prediction is attributed to positions and bases.',
  valuesConfig: {
    ISM: {
      description:
        'In silico mutagenesis: prediction of every single-base substitution − the prediction (0 at the base present).',
    },
    SALIENCY: { description: '|∂prediction/∂input| (Simonyan et al. 2014).' },
    GRADXINPUT: { description: 'Gradient × input (Shrikumar et al. 2016).' },
    IG: { description: 'Integrated gradients from the all-zero baseline, 50 steps.' },
    DEEPLIFT: {
      description:
        "DeepLIFT, rescale rule (Shrikumar et al. 2017), of the output's logit, from one reference: the sequence's own base composition at every position. Contributions of the bases present; they sum to explained − reference.",
    },
    DEEPSHAP: {
      description:
        "DeepSHAP: DeepLIFT of the output's logit averaged over 20 seeded dinucleotide shuffles of the sequence (tangermeme's deep_lift_shap). Contributions of the bases present; they sum to explained − reference (the mean over the shuffles).",
    },
  },
});

@ObjectType({ description: 'A position and its summary score.' })
export class PositionScore {
  @Field(() => Int, { description: '1-based.' })
  position!: number;

  @Field(() => Float)
  score!: number;
}

@ObjectType({ description: "One sequence's attributions." })
export class SequenceAttribution {
  @Field(() => String, {
    description: 'seq1, seq2, … for sequences given inline; the record id for a dataset.',
  })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the sequence lies on the reference, for regions and the records of an intervals dataset; null for inline sequences.',
  })
  chrom!: string | null;

  @Field(() => Int, { nullable: true, description: 'First base, 1-based (inclusive).' })
  start!: number | null;

  @Field(() => Int, { nullable: true, description: 'Last base, 1-based (inclusive).' })
  end!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "'+' or '-': on '-' the sequence is the reverse complement, so its position 1 is the base at end.",
  })
  strand!: string | null;

  @Field(() => Float, { description: "The model's prediction (the chosen task)." })
  prediction!: number;

  @Field(() => Float, {
    description:
      'The value the scores explain: the prediction, or its logit for DEEPLIFT and DEEPSHAP (see Explanation.target).',
  })
  explained!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'IG, DEEPLIFT, DEEPSHAP: the explained value at the baseline (DEEPSHAP: the mean over its references). Null for the other methods.',
  })
  reference!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'IG, DEEPLIFT, DEEPSHAP: |Σ scores − (explained − reference)|, the summation-to-delta error (DEEPSHAP: the largest of any reference). Null for the other methods.',
  })
  convergenceDelta!: number | null;

  @Field(() => [[Float]], {
    description:
      'The attribution matrix: one row per position, each [A, C, G, T] (6 significant digits).',
  })
  scores!: number[][];

  @Field(() => [Float], {
    description: 'One number per position: see Explanation.summary for how it summarises the row.',
  })
  positionScores!: number[];

  @Field(() => [PositionScore], {
    description: `The ${TOP_POSITIONS} positions of largest |positionScore|, largest first (at most ${BOUNDS.topPositions}).`,
  })
  @ListBound(BOUNDS.topPositions, 'values')
  topPositions!: PositionScore[];

  static from(value: SequenceExplanation): SequenceAttribution {
    return Object.assign(new SequenceAttribution(), {
      ...value,
      chrom: value.chrom ?? null,
      start: value.start ?? null,
      end: value.end ?? null,
      strand: value.strand ?? null,
      // Results stored before these fields existed.
      explained: value.explained ?? value.prediction,
      reference: value.reference ?? null,
      convergenceDelta: value.convergenceDelta ?? null,
      topPositions: value.topPositions.map((p) => Object.assign(new PositionScore(), p)),
    });
  }
}

@ObjectType({
  description: `The result of an explainSequence job. Bounded: at most ${EXPLAIN_LIMITS.sequences} sequences, each a (model input length) × 4 matrix.`,
})
export class Explanation {
  @Field(() => ID)
  jobId!: string;

  @Field(() => ExplainMethod)
  method!: ExplainMethod;

  @Field(() => Int, { description: 'The model output explained (0-based).' })
  task!: number;

  @Field(() => String)
  taskName!: string;

  @Field(() => Int)
  inputLength!: number;

  @Field(() => String, {
    description:
      "How positionScores summarise a position's four scores: 'max |effect|' (ISM), 'max' (saliency), 'sum' (gradient × input, IG, DeepLIFT, DeepSHAP: only the base present is non-zero).",
  })
  summary!: string;

  @Field(() => String, {
    description:
      "What the scores explain: 'output' (the model's output) or 'logit' (its value before the output sigmoid: DEEPLIFT, DEEPSHAP).",
  })
  target!: string;

  @Field(() => String, { description: 'The TF.js backend that computed it.' })
  backend!: string;

  @Field(() => [SequenceAttribution], { description: `At most ${BOUNDS.explainedSequences}.` })
  @ListBound(BOUNDS.explainedSequences, 'values')
  sequences!: SequenceAttribution[];

  static from(jobId: string, result: ExplainTaskResult): Explanation {
    return Object.assign(new Explanation(), {
      jobId,
      method: result.method as ExplainMethod,
      task: result.task,
      taskName: result.taskName,
      inputLength: result.inputLength,
      summary: result.summary,
      target: result.target ?? 'output',
      backend: result.backend,
      sequences: result.sequences.map((s) => SequenceAttribution.from(s)),
    });
  }
}
