/**
 * Variant calling from aligned reads as a job (issue 16): the reads and the reference are files of
 * the server's import directory, confined to it as importDataset's paths are.
 */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { importFile } from '../auth/import-root.ts';
import { targetProject } from '../auth/target-project.ts';
import type { StrandContext } from '../context.ts';
import { CallVariantsInput } from '../inputs/call-variants.input.ts';
import { JobPayload } from '../types/job-payloads.type.ts';
import { startJobFor } from './job.resolver.ts';

@Resolver()
export class CallingResolver {
  @Mutation(() => JobPayload, {
    description:
      "Calls variants in aligned reads (BAM or CRAM of the import directory) with a pileup model (Strand's default, or the project's model named by model: run id, version id or NAME@ALIAS, as `strand call --model`), as a job: follow it with jobProgress (counted in bases of the region). Its result (JSON) counts candidates and calls (SNVs, indels, LowQual); the VCF 4.2 (GT, GQ, PL) is downloaded from GET /jobs/<id>/files/calls.vcf. With importAs, the calls are then imported as a variants dataset (the job's outputDataset), ready for scoreVariants. A missing index, an unreadable reference or a region not in the reads' header is a userError and nothing is queued. Needs EDITOR.",
  })
  async callVariants(
    @Arg('input', () => CallVariantsInput) input: CallVariantsInput,
    @Ctx() ctx: StrandContext,
  ): Promise<JobPayload> {
    // The role first: a caller who may not call learns nothing about the import directory.
    const target = targetProject(ctx.viewer, input.projectId, 'editor');
    if ('error' in target) return { job: null, userErrors: [target.error] };
    const bam = await importFile('bam', input.bam);
    if ('error' in bam) return { job: null, userErrors: [bam.error] };
    const reference = await importFile('reference', input.reference);
    if ('error' in reference) return { job: null, userErrors: [reference.error] };
    let truth: string | null = null;
    if (input.truth != null) {
      const found = await importFile('truth', input.truth);
      if ('error' in found) return { job: null, userErrors: [found.error] };
      truth = found.path;
    }
    return startJobFor(ctx, 'CALL_VARIANTS', target.projectId, {
      bam: bam.path,
      reference: reference.path,
      region: input.region ?? null,
      minQual: input.minQual ?? null,
      model: input.model ?? null,
      importAs: input.importAs ?? null,
      pileupsAs: input.pileupsAs ?? null,
      truth,
    });
  }
}
