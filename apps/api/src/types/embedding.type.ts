import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Embedding as StoredEmbedding } from '@strand/jobs';
import { EMBEDDING_POINTS } from '@strand/jobs';

@ObjectType({
  description:
    "An autoencoder's or VAE's sample embedding, computed when it was trained: the latent code (VAE: latent mean) of sampled rows, in 2-D.",
})
export class RunEmbedding {
  @Field(() => String, {
    description: 'Which rows: "validation", or "train" for a run without validation rows.',
  })
  split!: string;

  @Field(() => Int, { description: 'The epoch whose weights (the saved model) embedded.' })
  epoch!: number;

  @Field(() => Int, { description: 'Rows of that split; every k-th is drawn.' })
  rows!: number;

  @Field(() => Int, { description: 'Dimensions of the latent code.' })
  latentSize!: number;

  @Field(() => String, {
    description:
      '"latent": the code itself (2-D or 1-D); "pca": its first two principal components.',
  })
  method!: string;

  @Field(() => [Float], {
    nullable: true,
    description: 'Share of the code’s variance along x and y (pca); null for latent (at most 2).',
  })
  explained!: number[] | null;

  @Field(() => [Float], { description: `x of each drawn row (at most ${EMBEDDING_POINTS}).` })
  x!: number[];

  @Field(() => [Float], { description: 'y of each drawn row, in the same order.' })
  y!: number[];

  @Field(() => [Int], { description: 'Class of each drawn row: an index into labelNames.' })
  label!: number[];

  @Field(() => [String], { description: "The dataset's class names." })
  labelNames!: string[];

  static from(e: StoredEmbedding): RunEmbedding {
    return Object.assign(new RunEmbedding(), e);
  }
}
