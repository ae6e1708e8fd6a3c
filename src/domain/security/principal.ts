/** Scopes of the API (api/openapi.yaml, `AccessScope`). `admin` grants everything. */
export const SCOPES = ['criteria:read', 'criteria:admin', 'assessments:write', 'assessments:read', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export type AuthenticationKind = 'jwt' | 'apiKey' | 'none' | 'anonymous';

/** Who is calling, established once per request by the security layer. */
export interface Principal {
  readonly kind: AuthenticationKind;
  /** Stable id of the caller: the token subject, or `api-key:<id>`. */
  readonly subject: string;
  /** The organisation whose profiles and assessments the caller may see. */
  readonly organisation: string;
  readonly scopes: readonly Scope[];
}

export const isAdmin = (p: Principal): boolean => p.scopes.includes('admin');

export function hasScope(p: Principal, required: string): boolean {
  return isAdmin(p) || (p.scopes as readonly string[]).includes(required);
}

/** What a reader of organisation-owned data may see. */
export interface Viewer {
  readonly organisation: string;
  readonly admin: boolean;
}

export const viewerOf = (p: Principal): Viewer => ({ organisation: p.organisation, admin: isAdmin(p) });

export function canSee(viewer: Viewer, organisation: string | undefined): boolean {
  return viewer.admin || organisation === viewer.organisation;
}
