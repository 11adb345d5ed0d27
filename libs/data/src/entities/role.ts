/** What a membership allows, each including the one before: read; import/train/cancel; manage. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** Whether `role` includes what `needed` allows (admin ⊇ editor ⊇ viewer). */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
