import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GENOTYPES } from '@strand/genomics';
import type { PileupCandidate as PileupCandidateRecord } from '@strand/jobs';
import { ListBound } from '../limits/list-bound.ts';

/** Bounds of the pileup fields (see list-bound.ts). */
export const PILEUP_BOUNDS = Object.freeze({
  /** Candidates of one pileupCandidates page. */
  page: 100,
  /** Values of one channel of one image (221 columns × 100 rows, DeepVariant's, fits). */
  channelValues: 25_000,
  /** Channels of an image (base, base quality, mapping quality, strand, supports-alt, differs). */
  channels: 6,
});

@ObjectType({ description: "A candidate site of a pileups dataset and the model's call on it." })
export class PileupCandidate {
  @Field(() => Int, { description: '0-based row of the dataset (pileupImage takes it).' })
  index!: number;

  @Field(() => String)
  chrom!: string;

  @Field(() => Int, { description: '1-based position, as in the VCF.' })
  pos!: number;

  @Field(() => String)
  ref!: string;

  @Field(() => String)
  alt!: string;

  @Field(() => String, { description: 'snv or indel.' })
  variant!: string;

  @Field(() => Int, { description: 'Reads covering the site (passing the filters).' })
  depth!: number;

  @Field(() => Int, { description: 'Reads carrying the alternate allele.' })
  altCount!: number;

  @Field(() => Int, { description: 'Reads showing the reference allele.' })
  refCount!: number;

  @Field(() => String, { description: 'The called genotype: hom-ref, het or hom-alt.' })
  genotype!: string;

  @Field(() => Float, { description: 'Phred-scaled probability that the site is hom-ref.' })
  qual!: number;

  @Field(() => String, {
    description: 'PASS, LowQual, AlleleBalance, or RefCall (hom-ref: not written to the VCF).',
  })
  filter!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The truth's genotype (hom-ref when the allele is not in the truth) when the call was given a truth VCF; null otherwise.",
  })
  truth!: string | null;

  @Field(() => [Float], { description: 'P(hom-ref), P(het), P(hom-alt) (at most 3).' })
  @ListBound(3, 'values')
  probabilities!: number[];

  static from(c: PileupCandidateRecord): PileupCandidate {
    return Object.assign(new PileupCandidate(), {
      ...c,
      genotype: GENOTYPES[c.genotype] ?? String(c.genotype),
      truth: c.truth >= 0 ? (GENOTYPES[c.truth] ?? String(c.truth)) : null,
      qual: Math.round(c.qual * 10) / 10,
      probabilities: c.probabilities.map((p) => Number(p.toPrecision(6))),
    });
  }
}

@ObjectType({ description: 'A page of the candidates of a pileups dataset, in calling order.' })
export class PileupCandidatePage {
  @Field(() => Int, { description: 'Candidates in the dataset.' })
  totalCount!: number;

  @Field(() => Int)
  offset!: number;

  @Field(() => [PileupCandidate], {
    description: `At most ${PILEUP_BOUNDS.page} (first), read from the stored table.`,
  })
  @ListBound(PILEUP_BOUNDS.page, 'values')
  candidates!: PileupCandidate[];
}

@ObjectType({ description: 'One channel of a pileup image.' })
export class PileupChannel {
  @Field(() => String, {
    description:
      'base, base_quality, mapping_quality, strand, supports_alt or differs_from_ref (pileupTensor of @strand/genomics says how each is scaled to 0–1).',
  })
  name!: string;

  @Field(() => [Float], {
    description: `rows × width values in 0–1, row by row (values[row × width + column]; row 0 is the reference, then the reads, those carrying the candidate first; rows past the pile are 0), rounded to 4 decimals (at most ${PILEUP_BOUNDS.channelValues}).`,
  })
  @ListBound(PILEUP_BOUNDS.channelValues, 'values')
  values!: number[];
}

@ObjectType({
  description: "A candidate's pileup image, the tensor the model genotyped, with its call.",
})
export class PileupImage {
  @Field(() => PileupCandidate)
  candidate!: PileupCandidate;

  @Field(() => Int, { description: 'Columns: reference positions centred on the candidate.' })
  width!: number;

  @Field(() => Int, { description: 'Rows: the reference, then up to rows − 1 reads.' })
  rows!: number;

  @Field(() => [PileupChannel], {
    description: `The channels (at most ${PILEUP_BOUNDS.channels}).`,
  })
  @ListBound(PILEUP_BOUNDS.channels, 'values')
  channels!: PileupChannel[];
}
