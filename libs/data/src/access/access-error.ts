/** Stable codes of refused changes to memberships, invitations and tokens. */
export type AccessErrorCode =
  | 'LAST_ADMIN'
  | 'NOT_A_MEMBER'
  | 'ALREADY_MEMBER'
  | 'ALREADY_INVITED'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'INVITATION_CLOSED'
  | 'TOO_MANY_TOKENS'
  | 'TOO_MANY_PROJECTS'
  | 'TOO_MANY_MEMBERS'
  | 'TOO_MANY_INVITATIONS'
  | 'BAD_EXPIRY';

/**
 * An expected refusal of an access change (the last ADMIN demoting themself, a 21st token). `field`
 * names the input at fault, so the API returns it as a userError.
 */
export class AccessError extends Error {
  constructor(
    readonly code: AccessErrorCode,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'AccessError';
  }
}
