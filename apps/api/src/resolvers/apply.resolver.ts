import { GraphQLError } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { DataError, findVariantScores, Job as JobEntity } from '@strand/data';
import type { JobKindName } from '@strand/data';
import type {
  DesignTaskResult,
  DiscoverMotifsTaskResult,
  ExplainTaskResult,
  IsmFile,
  MarginalizeTaskResult,
} from '@strand/jobs';
import { EXPLAIN_LIMITS, ISM_FILE, MAX_ISM_TOP } from '@strand/jobs';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';
import { VariantAttribution } from '../types/variant-attribution.type.ts';
import { importFile } from '../auth/import-root.ts';
import { targetProject } from '../auth/target-project.ts';
import type { StrandContext } from '../context.ts';
import { DesignSequenceInput } from '../inputs/design-sequence.input.ts';
import { DiscoverMotifsInput } from '../inputs/discover-motifs.input.ts';
import { ExplainSequenceInput } from '../inputs/explain-sequence.input.ts';
import { MarginalizeInput } from '../inputs/marginalize.input.ts';
import { VariantScoreFilterInput } from '../inputs/score-variants-filter.input.ts';
import { VariantScoreOrderInput } from '../inputs/score-variants-order.input.ts';
import { ScoreVariantsInput } from '../inputs/score-variants.input.ts';
import { checkPageSize } from '../limits/page-size.ts';
import { Explanation } from '../types/explanation.type.ts';
import { JobPayload } from '../types/job-payloads.type.ts';
import { Marginalization } from '../types/marginalization.type.ts';
import { MotifDiscovery } from '../types/motif-discovery.type.ts';
import { SequenceDesign } from '../types/sequence-design.type.ts';
import { VariantScore, VariantScoreConnection } from '../types/variant-score.type.ts';
import { startJobFor } from './job.resolver.ts';
import { reconcileChromosome } from './variant-score-chromosome.ts';
import { ProjectPageArgs } from './project-page.args.ts';

@ArgsType()
class VariantScoresArgs extends ProjectPageArgs {
  @Field(() => ID)
  jobId!: string;

  @Field(() => VariantScoreOrderInput, { nullable: true })
  orderBy?: VariantScoreOrderInput | null;

  @Field(() => VariantScoreFilterInput, { nullable: true })
  filter?: VariantScoreFilterInput | null;
}

/** What NOT_FOUND calls a job of each kind read here. */
const JOB_WHAT: Partial<Record<JobKindName, string>> = {
  SCORE_VARIANTS: 'variant-scoring',
  DISCOVER_MOTIFS: 'motif-discovery',
  MARGINALIZE: 'marginalisation',
  DESIGN: 'design',
};

/** A job of `kind` the caller may read; NOT_FOUND (as for an unknown id) otherwise. */
async function readableJob(
  { em, viewer }: StrandContext,
  id: string,
  kind: JobKindName,
): Promise<JobEntity> {
  const job = await em.findOne(JobEntity, { id, kind, project: { $in: viewer.projectIds } });
  if (!job) {
    const what = JOB_WHAT[kind] ?? 'explanation';
    throw new GraphQLError(`no ${what} job with id "${id}"`, { extensions: { code: 'NOT_FOUND' } });
  }
  return job;
}

/**
 * A server file an input names (a reference, a JASPAR file), inside the import directory; null
 * when not given. The role in the target project is checked first: a caller who may not start the
 * job learns nothing about the import directory.
 */
async function serverFile(
  ctx: StrandContext,
  projectId: string | null | undefined,
  field: string,
  path: string | null | undefined,
): Promise<{ path: string | null } | { payload: JobPayload }> {
  if (path == null) return { path: null };
  const target = targetProject(ctx.viewer, projectId, 'editor');
  if ('error' in target) return { payload: { job: null, userErrors: [target.error] } };
  const file = await importFile(field, path);
  if ('error' in file) return { payload: { job: null, userErrors: [file.error] } };
  return { path: file.path };
}

/** The model an input names: a run, a model version, or a registered name and alias. */
const modelOf = (input: {
  runId?: string | null;
  modelVersionId?: string | null;
  modelName?: string | null;
  alias?: string | null;
}) => ({
  runId: input.runId ?? null,
  modelVersionId: input.modelVersionId ?? null,
  modelName: input.modelName ?? null,
  alias: input.alias ?? null,
});

/** Applying trained models: variant-effect scoring and sequence explanation, as jobs. */
@Resolver()
export class ApplyResolver {
  @Mutation(() => JobPayload, {
    description:
      'Scores every ALT allele of a variants dataset with a trained sequence model, as a job (follow it with jobProgress, counted in VCF records). A pre-flight checks the variants against the reference first; its summary is in the result, and a gross mismatch (a wrong build?) fails the job unless force. Results: variantScores(jobId) and GET /jobs/<id>/files/scores.tsv or scores.vcf. Needs EDITOR.',
  })
  async scoreVariants(
    @Arg('input', () => ScoreVariantsInput) input: ScoreVariantsInput,
    @Ctx() ctx: StrandContext,
  ): Promise<JobPayload> {
    // The role first: a caller who may not score learns nothing about the import directory.
    const target = targetProject(ctx.viewer, input.projectId, 'editor');
    if ('error' in target) return { job: null, userErrors: [target.error] };
    const reference = await importFile('reference', input.reference);
    if ('error' in reference) return { job: null, userErrors: [reference.error] };
    return startJobFor(ctx, 'SCORE_VARIANTS', target.projectId, {
      datasetId: input.datasetId,
      reference: reference.path,
      ...modelOf(input),
      reverseComplement: input.reverseComplement ?? null,
      force: input.force ?? null,
      chunkSize: input.chunkSize ?? null,
      shifts: input.shifts ?? null,
      background: input.background ?? null,
      backgroundSize: input.backgroundSize ?? null,
      ismTop: input.ismTop ?? null,
    });
  }

  @Mutation(() => JobPayload, {
    description: `Attributes a trained sequence model's predictions for up to ${EXPLAIN_LIMITS.sequences} sequences (inline, from a dataset, or regions of a reference) to their positions and bases, as a job; read the result with explanation(jobId). With a reference, GET /jobs/<id>/reference/… serves it to the genome view. Needs EDITOR.`,
  })
  async explainSequence(
    @Arg('input', () => ExplainSequenceInput) input: ExplainSequenceInput,
    @Ctx() ctx: StrandContext,
  ): Promise<JobPayload> {
    const reference = await serverFile(ctx, input.projectId, 'reference', input.reference);
    if ('payload' in reference) return reference.payload;
    return startJobFor(ctx, 'EXPLAIN_SEQUENCE', input.projectId, {
      ...modelOf(input),
      sequences: input.sequences ?? null,
      datasetId: input.datasetId ?? null,
      limit: input.limit ?? null,
      regions: input.regions ?? null,
      reference: reference.path,
      method: input.method,
      task: input.task ?? null,
    });
  }

  @Query(() => VariantScoreConnection, {
    description:
      'The scores of a variant-scoring job, one per allele × model task, filtered and sorted (default: largest |effect| first); empty until the job has SUCCEEDED. NOT_FOUND for a job the caller cannot read.',
  })
  async variantScores(
    @Args(() => VariantScoresArgs) args: VariantScoresArgs,
    @Ctx() ctx: StrandContext,
  ) {
    checkPageSize(args.first);
    const job = await readableJob(ctx, args.jobId, 'SCORE_VARIANTS');
    if (job.status !== 'SUCCEEDED') {
      return VariantScoreConnection.from(
        { items: [], cursors: [], hasNextPage: false, hasPreviousPage: false, totalCount: 0 },
        VariantScore.from,
      );
    }
    try {
      const page = await findVariantScores(ctx.em, {
        jobId: job.id,
        first: args.first,
        after: args.after,
        orderBy: args.orderBy
          ? { by: args.orderBy.field, direction: args.orderBy.direction }
          : null,
        filter: await reconcileChromosome(ctx.em, job.id, args.filter ?? null),
      });
      return VariantScoreConnection.from(page, VariantScore.from);
    } catch (error) {
      if (error instanceof DataError) {
        throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      throw error;
    }
  }

  @Query(() => [VariantAttribution], {
    nullable: true,
    description: `Per-base attribution (in-silico mutagenesis) of a scoring job's top variants by |effect|, largest first (at most ${BOUNDS.variantAttributions}; \`first\` of them, default 10): the job must have been started with ismTop. Null until it has SUCCEEDED; empty without ismTop. NOT_FOUND for a job the caller cannot read.`,
  })
  @ListBound(BOUNDS.variantAttributions)
  async variantAttributions(
    @Arg('jobId', () => ID) jobId: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: StrandContext,
  ): Promise<VariantAttribution[] | null> {
    const n = first ?? 10;
    if (!Number.isInteger(n) || n < 1 || n > MAX_ISM_TOP) {
      throw new GraphQLError(`first must be an integer from 1 to ${MAX_ISM_TOP}; got ${n}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const job = await readableJob(ctx, jobId, 'SCORE_VARIANTS');
    if (job.status !== 'SUCCEEDED') return null;
    let text: string;
    try {
      text = (await ctx.db.artifacts.read(`${job.artifactPath}/${ISM_FILE}`)).toString('utf8');
    } catch {
      return []; // scored without ismTop
    }
    const ism = JSON.parse(text) as IsmFile;
    return ism.variants.slice(0, n).map((v) => VariantAttribution.from(v));
  }

  @Query(() => Explanation, {
    nullable: true,
    description: `The result of an explainSequence job (at most ${EXPLAIN_LIMITS.sequences} sequences × the model's input length × 4 numbers); null until it has SUCCEEDED. NOT_FOUND for a job the caller cannot read.`,
  })
  async explanation(
    @Arg('jobId', () => ID) jobId: string,
    @Ctx() ctx: StrandContext,
  ): Promise<Explanation | null> {
    const job = await readableJob(ctx, jobId, 'EXPLAIN_SEQUENCE');
    if (job.status !== 'SUCCEEDED' || !job.result) return null;
    return Explanation.from(job.id, job.result as unknown as ExplainTaskResult);
  }

  @Mutation(() => JobPayload, {
    description:
      "Discovers motifs in a trained sequence model's DeepSHAP attributions over a sequence dataset (TF-MoDISco-lite: seqlets, clusters, a PWM and CWM per cluster with its support, JASPAR matches), as a job; read the result with motifDiscovery(jobId). Needs EDITOR.",
  })
  async discoverMotifs(
    @Arg('input', () => DiscoverMotifsInput) input: DiscoverMotifsInput,
    @Ctx() ctx: StrandContext,
  ): Promise<JobPayload> {
    const jaspar = await serverFile(ctx, input.projectId, 'jaspar', input.jaspar);
    if ('payload' in jaspar) return jaspar.payload;
    return startJobFor(ctx, 'DISCOVER_MOTIFS', input.projectId, {
      ...modelOf(input),
      datasetId: input.datasetId,
      label: input.label ?? null,
      limit: input.limit ?? null,
      task: input.task ?? null,
      shuffles: input.shuffles ?? null,
      jaspar: jaspar.path,
    });
  }

  @Query(() => MotifDiscovery, {
    nullable: true,
    description:
      'The result of a discoverMotifs job; null until it has SUCCEEDED. NOT_FOUND for a job the caller cannot read.',
  })
  async motifDiscovery(
    @Arg('jobId', () => ID) jobId: string,
    @Ctx() ctx: StrandContext,
  ): Promise<MotifDiscovery | null> {
    const job = await readableJob(ctx, jobId, 'DISCOVER_MOTIFS');
    if (job.status !== 'SUCCEEDED' || !job.result) return null;
    return MotifDiscovery.from(job.id, job.result as unknown as DiscoverMotifsTaskResult);
  }

  @Mutation(() => JobPayload, {
    description:
      "In-silico marginalisation with a trained sequence model (strand marginalize), as a job: a motif inserted into dinucleotide-shuffled backgrounds (its effect's mean and spread), optionally a second motif at a range of spacings, and the motif's best match ablated in the records; follow it with jobProgress (counted in measurements) and read the result with marginalization(jobId). Needs EDITOR.",
  })
  async marginalize(
    @Arg('input', () => MarginalizeInput) input: MarginalizeInput,
    @Ctx() ctx: StrandContext,
  ): Promise<JobPayload> {
    const jaspar = await serverFile(ctx, input.projectId, 'jaspar', input.jaspar);
    if ('payload' in jaspar) return jaspar.payload;
    return startJobFor(ctx, 'MARGINALIZE', input.projectId, {
      ...modelOf(input),
      datasetId: input.datasetId,
      label: input.label ?? null,
      motif: input.motif,
      position: input.position ?? null,
      positionStep: input.positionStep ?? null,
      secondMotif: input.secondMotif ?? null,
      minSpacing: input.minSpacing ?? null,
      maxSpacing: input.maxSpacing ?? null,
      ablate: input.ablate ?? null,
      backgrounds: input.backgrounds ?? null,
      task: input.task ?? null,
      seed: input.seed ?? null,
      jaspar: jaspar.path,
    });
  }

  @Query(() => Marginalization, {
    nullable: true,
    description:
      'The result of a marginalize job; null until it has SUCCEEDED. NOT_FOUND for a job the caller cannot read.',
  })
  async marginalization(
    @Arg('jobId', () => ID) jobId: string,
    @Ctx() ctx: StrandContext,
  ): Promise<Marginalization | null> {
    const job = await readableJob(ctx, jobId, 'MARGINALIZE');
    if (job.status !== 'SUCCEEDED' || !job.result) return null;
    return Marginalization.from(job.id, job.result as unknown as MarginalizeTaskResult);
  }

  @Mutation(() => JobPayload, {
    description:
      'Model-guided sequence design (strand design), as a job: greedy, beam or directed-evolution single-base edits of a start sequence that raise or lower a model output, under at most maxEdits edits, fixed positions and a GC range; follow it with jobProgress (counted in steps) and read the trajectory with sequenceDesign(jobId). Needs EDITOR.',
  })
  async designSequence(
    @Arg('input', () => DesignSequenceInput) input: DesignSequenceInput,
    @Ctx() ctx: StrandContext,
  ): Promise<JobPayload> {
    return startJobFor(ctx, 'DESIGN', input.projectId, {
      ...modelOf(input),
      sequence: input.sequence,
      method: input.method ?? null,
      direction: input.direction ?? null,
      task: input.task ?? null,
      maxEdits: input.maxEdits ?? null,
      fixedPositions: input.fixedPositions ?? null,
      gcMin: input.gcMin ?? null,
      gcMax: input.gcMax ?? null,
      beamWidth: input.beamWidth ?? null,
      population: input.population ?? null,
      generations: input.generations ?? null,
      seed: input.seed ?? null,
    });
  }

  @Query(() => SequenceDesign, {
    nullable: true,
    description:
      'The result of a designSequence job; null until it has SUCCEEDED. NOT_FOUND for a job the caller cannot read.',
  })
  async sequenceDesign(
    @Arg('jobId', () => ID) jobId: string,
    @Ctx() ctx: StrandContext,
  ): Promise<SequenceDesign | null> {
    const job = await readableJob(ctx, jobId, 'DESIGN');
    if (job.status !== 'SUCCEEDED' || !job.result) return null;
    return SequenceDesign.from(job.id, job.result as unknown as DesignTaskResult);
  }
}
