import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { EventBus } from '@strand/jobs';
import { AccessResolver } from '../resolvers/access.resolver.ts';
import { ApplyResolver } from '../resolvers/apply.resolver.ts';
import { CallingResolver } from '../resolvers/calling.resolver.ts';
import { CatalogResolver } from '../resolvers/catalog.resolver.ts';
import { CompareRunsResolver } from '../resolvers/compare-runs.resolver.ts';
import { DatasetImportResolver } from '../resolvers/dataset-import.resolver.ts';
import { DatasetDerivedResolver } from '../resolvers/dataset-derived.resolver.ts';
import { DatasetResolver } from '../resolvers/dataset.resolver.ts';
import { EngineJobsResolver } from '../resolvers/engine-jobs.resolver.ts';
import { JobResolver } from '../resolvers/job.resolver.ts';
import { LineageResolver } from '../resolvers/lineage.resolver.ts';
import { MeResolver } from '../resolvers/me.resolver.ts';
import { ModelRegistryResolver } from '../resolvers/model-registry.resolver.ts';
import { NodeResolver } from '../resolvers/node.resolver.ts';
import { ProjectResolver } from '../resolvers/project.resolver.ts';
import { PileupResolver } from '../resolvers/pileup.resolver.ts';
import { RunAnnotationResolver } from '../resolvers/run-annotation.resolver.ts';
import { RunResolver } from '../resolvers/run.resolver.ts';
import { SubscriptionResolver } from '../resolvers/subscription.resolver.ts';

/** Builds Strand's GraphQL schema; subscriptions listen on `bus`. */
export function buildStrandSchema(bus: EventBus): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      RunResolver,
      DatasetResolver,
      DatasetDerivedResolver,
      PileupResolver,
      DatasetImportResolver,
      ProjectResolver,
      MeResolver,
      NodeResolver,
      CatalogResolver,
      SubscriptionResolver,
      RunAnnotationResolver,
      CompareRunsResolver,
      ModelRegistryResolver,
      LineageResolver,
      JobResolver,
      ApplyResolver,
      EngineJobsResolver,
      CallingResolver,
      AccessResolver,
    ],
    pubSub: bus,
    validate: false,
  });
}
