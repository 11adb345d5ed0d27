/** The sizes access can grow to; each is checked where the thing is made. */
export const ACCESS_LIMITS = Object.freeze({
  /** Live (not revoked, not expired) API tokens of one user. */
  tokensPerUser: 20,
  /** Projects one user may belong to. */
  projectsPerUser: 100,
  /** Members of one project. */
  membersPerProject: 500,
  /** Pending invitations of one user, and of one project. */
  pendingInvitations: 50,
  /** The furthest a token's expiry may lie, in days. */
  maxTokenDays: 3650,
});
