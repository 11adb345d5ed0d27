import { roleAllows } from '@strand/data';
import type { Role } from '@strand/data';

/** Who is calling: the token's user and their role in each of their projects. */
export class Viewer {
  constructor(
    readonly userId: string,
    readonly userName: string,
    readonly tokenId: string,
    private readonly roles: Map<string, Role>,
  ) {}

  /** Ids of the projects the caller is a member of (any role). */
  get projectIds(): string[] {
    return [...this.roles.keys()];
  }

  /** The caller's role in a project, or null when not a member. */
  roleIn(projectId: string): Role | null {
    return this.roles.get(projectId) ?? null;
  }

  /** Whether the caller may read the project's objects. */
  canRead(projectId: string): boolean {
    return this.roles.has(projectId);
  }

  /** Whether the caller's role in the project includes `needed`. */
  can(projectId: string, needed: Role): boolean {
    const role = this.roles.get(projectId);
    return role !== undefined && roleAllows(role, needed);
  }

  /** Records a membership made during this request (e.g. by createProject). */
  grant(projectId: string, role: Role): void {
    this.roles.set(projectId, role);
  }
}
