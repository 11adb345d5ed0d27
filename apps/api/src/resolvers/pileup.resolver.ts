/**
 * Reading a pileups dataset (issue 16): its candidates a page at a time, and one candidate's
 * image with its call, for the dashboard's pileup view. The dataset was reachable, so the caller
 * is a member of its project; other kinds of dataset answer null.
 */
import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Dataset as DatasetEntity } from '@strand/data';
import { PileupTable } from '@strand/jobs';
import type { StrandContext } from '../context.ts';
import { Dataset } from '../types/dataset.type.ts';
import {
  PILEUP_BOUNDS,
  PileupCandidate,
  PileupCandidatePage,
  PileupChannel,
  PileupImage,
} from '../types/pileup.type.ts';

const badInput = (argumentName: string, message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });

/** The dataset's table when it is a READY pileups dataset, else null. */
async function tableOf({ em, db }: StrandContext, dataset: Dataset): Promise<PileupTable | null> {
  if (dataset.kind !== 'pileups' || dataset.status !== 'READY') return null;
  const entity = await em.findOne(DatasetEntity, { id: dataset.id, project: dataset.projectId });
  if (!entity?.artifactPath) return null;
  return PileupTable.open(await db.artifacts.pull(entity.artifactPath));
}

@Resolver(() => Dataset)
export class PileupResolver {
  @FieldResolver(() => PileupCandidatePage, {
    nullable: true,
    description: `A pileups dataset's candidates with their calls, in calling order, from offset (default 0), first of them (1–${PILEUP_BOUNDS.page}, default 50); null for other kinds of dataset or before it is READY.`,
  })
  async pileupCandidates(
    @Root() dataset: Dataset,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: StrandContext,
  ): Promise<PileupCandidatePage | null> {
    if (!Number.isInteger(first) || first < 1 || first > PILEUP_BOUNDS.page) {
      throw badInput('first', `first must be from 1 to ${PILEUP_BOUNDS.page}; got ${first}`);
    }
    if (!Number.isInteger(offset) || offset < 0) {
      throw badInput('offset', `offset must be 0 or more; got ${offset}`);
    }
    const table = await tableOf(ctx, dataset);
    if (!table) return null;
    try {
      const candidates = offset < table.count ? await table.candidates(offset, first) : [];
      return Object.assign(new PileupCandidatePage(), {
        totalCount: table.count,
        offset,
        candidates: candidates.map(PileupCandidate.from),
      });
    } finally {
      await table.close();
    }
  }

  @FieldResolver(() => PileupImage, {
    nullable: true,
    description:
      "One candidate's pileup image (index as in pileupCandidates), channel by channel, with its call; null for other kinds of dataset or before it is READY. An index outside the dataset is BAD_USER_INPUT.",
  })
  async pileupImage(
    @Root() dataset: Dataset,
    @Arg('index', () => Int) index: number,
    @Ctx() ctx: StrandContext,
  ): Promise<PileupImage | null> {
    const table = await tableOf(ctx, dataset);
    if (!table) return null;
    try {
      if (!Number.isInteger(index) || index < 0 || index >= table.count) {
        throw badInput('index', `index must be from 0 to ${table.count - 1}; got ${index}`);
      }
      const { width, rows } = table.shape;
      const channels = table.channels.length;
      if (width * rows > PILEUP_BOUNDS.channelValues || channels > PILEUP_BOUNDS.channels) {
        throw badInput(
          'index',
          `this dataset's images (${width} × ${rows} × ${channels}) are larger than the API serves (${PILEUP_BOUNDS.channelValues} values per channel); read its table directly`,
        );
      }
      const { image, ...candidate } = await table.pileup(index);
      // Stored [column, row, channel]; served channel by channel, row by row.
      return Object.assign(new PileupImage(), {
        candidate: PileupCandidate.from({ ...candidate }),
        width,
        rows,
        channels: table.channels.map((name, c) => {
          const values = new Array<number>(width * rows);
          for (let row = 0; row < rows; row++) {
            for (let col = 0; col < width; col++) {
              const v = image[(col * rows + row) * channels + c] ?? 0;
              values[row * width + col] = Math.round(v * 1e4) / 1e4;
            }
          }
          return Object.assign(new PileupChannel(), { name, values });
        }),
      });
    } finally {
      await table.close();
    }
  }
}
