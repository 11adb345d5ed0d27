import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { DiscoverMotifsTaskResult, DiscoveredMotifRow } from '@strand/jobs';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@ObjectType({ description: 'A JASPAR matrix matched to a discovered motif.' })
export class DiscoveredMotifMatch {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'JASPAR matrix id, e.g. MA0139.2.' })
  id!: string;

  @Field(() => Float, {
    description: 'Empirical p-value of the match (column-shuffled database as the null).',
  })
  p!: number;

  @Field(() => Float, { description: 'Sum of column Pearson correlations over the alignment.' })
  score!: number;
}

@ObjectType({ description: 'One motif found in the attributions: a cluster of aligned seqlets.' })
export class DiscoveredMotif {
  @Field(() => String, { description: 'pos_1, pos_2, … (raise the output), neg_1, … (lower it).' })
  name!: string;

  @Field(() => String, { description: 'positive or negative.' })
  sign!: string;

  @Field(() => Int, { description: 'Seqlets in the cluster (its support).' })
  seqlets!: number;

  @Field(() => String)
  consensus!: string;

  @Field(() => Float, { description: 'Of the PWM, in bits.' })
  informationContent!: number;

  @Field(() => [[Float]], { description: 'Base probabilities per position: [A, C, G, T].' })
  pwm!: number[][];

  @Field(() => [[Float]], {
    description: 'Contribution-weight matrix: mean contribution per position and base.',
  })
  cwm!: number[][];

  @ListBound(BOUNDS.motifMatches, 'values')
  @Field(() => [DiscoveredMotifMatch], {
    description: `Best JASPAR matches first (at most ${BOUNDS.motifMatches}).`,
  })
  matches!: DiscoveredMotifMatch[];

  static from(row: DiscoveredMotifRow): DiscoveredMotif {
    return Object.assign(new DiscoveredMotif(), {
      ...row,
      matches: row.matches.map((m) => Object.assign(new DiscoveredMotifMatch(), m)),
    });
  }
}

@ObjectType({ description: 'The result of a discoverMotifs job.' })
export class MotifDiscovery {
  @Field(() => ID)
  jobId!: string;

  @Field(() => String)
  backend!: string;

  @Field(() => Int, { description: 'Sequences whose attributions were searched.' })
  sequences!: number;

  @Field(() => Int, { description: 'Seqlets called in all of them.' })
  seqletsCalled!: number;

  @Field(() => Int, { description: 'Seqlets clustered: a uniform sample of at most 20,000.' })
  seqletsClustered!: number;

  @ListBound(BOUNDS.discoveredMotifs, 'values')
  @Field(() => [DiscoveredMotif], {
    description: `Largest support first (at most ${BOUNDS.discoveredMotifs}).`,
  })
  motifs!: DiscoveredMotif[];

  static from(jobId: string, result: DiscoverMotifsTaskResult): MotifDiscovery {
    return Object.assign(new MotifDiscovery(), {
      ...result,
      jobId,
      motifs: result.motifs.map((m) => DiscoveredMotif.from(m)),
    });
  }
}
