import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { runNotes, runTags, setRunNote, tagRun, untagRun } from '@strand/data';
import type { Run as RunEntity } from '@strand/data';
import type { StrandContext } from '../context.ts';
import { Run } from '../types/run.type.ts';
import { RunAnnotationPayload } from '../types/tracking-payloads.type.ts';
import { loadBatched } from './request-batch.ts';
import { runFor, trackingErrors } from './run-access.ts';

/** Tags and a note on runs: read by anyone who can read the run, changed by editors. */
@Resolver(() => Run)
export class RunAnnotationResolver {
  @FieldResolver(() => [String], { description: 'Normalised tags, sorted.' })
  async tags(@Root() run: Run, @Ctx() { em }: StrandContext): Promise<string[]> {
    return (await loadBatched(em, 'run.tags', (ids) => runTags(em, ids), run.id)) ?? [];
  }

  @FieldResolver(() => String, { nullable: true, description: 'A free-text note.' })
  async note(@Root() run: Run, @Ctx() { em }: StrandContext): Promise<string | null> {
    return (await loadBatched(em, 'run.note', (ids) => runNotes(em, ids), run.id)) ?? null;
  }

  @Mutation(() => RunAnnotationPayload, {
    description:
      'Adds tags to a run: trimmed, lower-cased, spaces as "-"; at most 20 per run, 40 characters each. Needs EDITOR.',
  })
  async tagRun(
    @Arg('runId', () => ID) runId: string,
    @Arg('tags', () => [String]) tags: string[],
    @Ctx() ctx: StrandContext,
  ): Promise<RunAnnotationPayload> {
    return annotate(ctx, runId, (run) => tagRun(ctx.em, run, tags));
  }

  @Mutation(() => RunAnnotationPayload, {
    description: 'Removes tags from a run (tags it does not have are ignored). Needs EDITOR.',
  })
  async untagRun(
    @Arg('runId', () => ID) runId: string,
    @Arg('tags', () => [String]) tags: string[],
    @Ctx() ctx: StrandContext,
  ): Promise<RunAnnotationPayload> {
    return annotate(ctx, runId, (run) => untagRun(ctx.em, run, tags));
  }

  @Mutation(() => RunAnnotationPayload, {
    description:
      "Sets a run's note (at most 10,000 characters); an empty note removes it. Needs EDITOR.",
  })
  async setRunNote(
    @Arg('runId', () => ID) runId: string,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: StrandContext,
  ): Promise<RunAnnotationPayload> {
    return annotate(ctx, runId, (run) => setRunNote(ctx.em, run, note));
  }
}

/** Finds a run the caller may edit, applies `change`, and reports tracking errors as userErrors. */
async function annotate(
  ctx: StrandContext,
  runId: string,
  change: (run: RunEntity) => Promise<unknown>,
): Promise<RunAnnotationPayload> {
  const found = await runFor(ctx, runId, 'editor');
  if ('error' in found) return { run: null, userErrors: [found.error] };
  try {
    await change(found.run);
    return { run: Run.from(found.run), userErrors: [] };
  } catch (error) {
    return { run: null, userErrors: trackingErrors(error) };
  }
}
