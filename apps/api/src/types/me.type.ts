import { Field, ID, ObjectType } from 'type-graphql';
import { ApiToken } from './api-token.type.ts';
import { Project } from './project.type.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';
import { ACCESS_LIMITS } from '@strand/data';
import { Invitation } from './invitation.type.ts';

@ObjectType({ description: 'The caller: who the token belongs to, their projects and tokens.' })
export class Me {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [Project], { description: `By name (at most ${BOUNDS.projectsPerUser}).` })
  @ListBound(BOUNDS.projectsPerUser)
  projects!: Project[];

  @Field(() => [ApiToken], {
    description: `The live (not revoked, not expired) ones, oldest first (at most ${BOUNDS.tokensPerUser}).`,
  })
  @ListBound(BOUNDS.tokensPerUser, 'values')
  tokens!: ApiToken[];

  @Field(() => [Invitation], {
    description: `Invitations waiting for the caller's answer (at most ${ACCESS_LIMITS.pendingInvitations}).`,
  })
  @ListBound(ACCESS_LIMITS.pendingInvitations, 'values')
  invitations!: Invitation[];
}
