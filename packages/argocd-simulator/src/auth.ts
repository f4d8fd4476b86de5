/**
 * Sessions and RBAC, reduced to what a CI client meets: bearer tokens (or the `argocd.token`
 * cookie), local users who log in for a token, tokens that get revoked, and tokens limited to
 * some projects (apps of other projects are then "permission denied", or silently left out of
 * lists and watches). Error wording is Argo CD's.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, GrpcCode } from './errors.js';
import type { Clock } from './time.js';

export interface TokenGrant {
  /** Who the token belongs to; shown as `initiatedBy.username` of syncs. Default `admin`. */
  username?: string;
  /** Projects whose apps the token may see and sync; default all. */
  projects?: readonly string[];
}

export interface UserConfig {
  password: string;
  projects?: readonly string[];
}

export interface Principal {
  token: string;
  username: string;
  canAccess(project: string): boolean;
}

interface TokenEntry {
  username: string;
  projects: ReadonlySet<string> | undefined;
  revoked: boolean;
}

export class Auth {
  private readonly tokens = new Map<string, TokenEntry>();
  private readonly users = new Map<string, UserConfig>();

  constructor(
    tokens: readonly string[] | Readonly<Record<string, TokenGrant>>,
    users: Readonly<Record<string, UserConfig>>,
    private readonly clock: Clock,
  ) {
    const entries = Array.isArray(tokens) ? tokens.map((token): [string, TokenGrant] => [token, {}]) : Object.entries(tokens);
    for (const [token, grant] of entries) this.addToken(token, grant);
    for (const [name, user] of Object.entries(users)) this.users.set(name, user);
  }

  addToken(token: string, grant: TokenGrant = {}): void {
    this.tokens.set(token, {
      username: grant.username ?? 'admin',
      projects: grant.projects ? new Set(grant.projects) : undefined,
      revoked: false,
    });
  }

  /** The token then fails with 401, as one revoked by `argocd account delete-token` does. */
  revokeToken(token: string): void {
    const entry = this.tokens.get(token);
    if (entry) entry.revoked = true;
  }

  /** Limits a token to some projects (undefined: all again). */
  setTokenProjects(token: string, projects: readonly string[] | undefined): void {
    const entry = this.tokens.get(token);
    if (entry) entry.projects = projects ? new Set(projects) : undefined;
  }

  addUser(name: string, user: UserConfig): void {
    this.users.set(name, user);
  }

  /** `POST /session`: a new token for a local user's correct password. */
  login(username: unknown, password: unknown): string {
    const user = typeof username === 'string' ? this.users.get(username) : undefined;
    if (!user || user.password !== password || typeof username !== 'string') {
      throw new ApiError(GrpcCode.Unauthenticated, 'Invalid username or password');
    }
    const token = issueToken(username, this.clock.now());
    this.addToken(token, { username, ...(user.projects ? { projects: user.projects } : {}) });
    return token;
  }

  authenticate(headers: IncomingHttpHeaders): Principal {
    const token = tokenFrom(headers);
    if (token === undefined) throw new ApiError(GrpcCode.Unauthenticated, 'no session information');
    const entry = this.tokens.get(token);
    if (!entry) {
      // jwt-go's wording for the two ways a token a server did not issue fails to verify.
      const detail =
        token.split('.').length === 3
          ? 'token signature is invalid: signature is invalid'
          : 'token is malformed: token contains an invalid number of segments';
      throw new ApiError(GrpcCode.Unauthenticated, `invalid session: ${detail}`);
    }
    if (entry.revoked) throw new ApiError(GrpcCode.Unauthenticated, 'invalid session: token is revoked, please re-login');
    return {
      token,
      username: entry.username,
      canAccess: (project) => entry.projects === undefined || entry.projects.has(project),
    };
  }
}

/** The bearer token, else the `argocd.token` cookie, as Argo CD's session middleware reads them. */
export function tokenFrom(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match?.[1]) return match[1];
  }
  for (const pair of (headers.cookie ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === 'argocd.token') {
      const value = pair.slice(eq + 1).trim();
      if (value) return decodeURIComponent(value);
    }
  }
  return undefined;
}

/** A JWT-shaped token (header.claims.signature), so clients that split or log tokens see the real shape. */
function issueToken(username: string, at: Date): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(at.getTime() / 1000);
  const claims = { iss: 'argocd', sub: `${username}:login`, nbf: now, iat: now, jti: randomBytes(16).toString('hex') };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.${randomBytes(32).toString('base64url')}`;
}
