import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyJwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError, roleSchema, type Role } from '@watchfloor/shared';
import type { UserStore } from '../store/types.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.js';
import { hashPassword, verifyPassword } from './passwords.js';

/** Who made a request, from a verified token. */
export interface Principal {
  user: string;
  role: Role;
  displayName: string;
  /** Expiry in seconds since the epoch; absent for the wall, whose credential never expires. */
  exp?: number;
}

export interface AuthOptions {
  users: UserStore;
  dataDir: string;
  tokenSecret?: string;
  tokenTtlHours: number;
  demo: boolean;
  adminPassword?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: {
      login(username: string, password: string): Promise<{ token: string; principal: Principal } | null>;
      /** Verifies a token; null when forged, expired or malformed. */
      verify(token: string): Principal | null;
    };
    /** onRequest hook: 401 unless a valid bearer token is present. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** onRequest hook factory: 401 without a token, 403 unless the role is listed. */
    requireRole(...roles: Role[]): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Tokens are HMAC-signed JWTs; the secret comes from config or is generated once into DATA_DIR. */
function loadSecret(dataDir: string, configured?: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'token-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function ensureAccounts(app: { log: { warn(msg: string): void } }, opts: AuthOptions): Promise<void> {
  if (opts.demo) {
    app.log.warn('DEMO MODE: demo accounts (duty, commander, reporter, team, wall, admin) accept the password "demo". Never use demo mode on a real network.');
    for (const u of DEMO_USERS) {
      const existing = await opts.users.find(u.username);
      if (!existing || !(await verifyPassword(DEMO_PASSWORD, existing.passwordHash))) {
        await opts.users.upsert({ ...u, passwordHash: await hashPassword(DEMO_PASSWORD) });
      }
    }
  } else {
    // Outside demo mode no account may keep the default password, even one left from a demo run.
    for (const u of await opts.users.list()) {
      if (await verifyPassword(DEMO_PASSWORD, u.passwordHash)) await opts.users.remove(u.username);
    }
  }
  if (opts.adminPassword) {
    await opts.users.upsert({ username: 'admin', role: 'admin', displayName: '系统管理员', passwordHash: await hashPassword(opts.adminPassword) });
  }
}

export const authPlugin = fp<AuthOptions>(
  async (app, opts) => {
    await app.register(fastifyJwt, { secret: loadSecret(opts.dataDir, opts.tokenSecret) });
    await ensureAccounts(app, opts);

    const verify = (token: string): Principal | null => {
      try {
        const claims = app.jwt.verify<{ sub: string; role: string; name: string; exp?: number }>(token);
        const role = roleSchema.safeParse(claims.role);
        if (!role.success || typeof claims.sub !== 'string') return null;
        return { user: claims.sub, role: role.data, displayName: String(claims.name ?? claims.sub), ...(claims.exp ? { exp: claims.exp } : {}) };
      } catch {
        return null;
      }
    };

    app.decorate('auth', {
      async login(username: string, password: string) {
        const row = await opts.users.find(username);
        // Hash anyway when the user is unknown, so timing does not tell which names exist.
        const ok = row ? await verifyPassword(password, row.passwordHash) : (await hashPassword(password), false);
        if (!row || !ok) return null;
        const role = roleSchema.parse(row.role);
        const claims = { sub: row.username, role, name: row.displayName };
        // The wall's credential never expires: a screen in the command hall must not log itself out.
        const token = role === 'wall' ? app.jwt.sign(claims) : app.jwt.sign(claims, { expiresIn: `${opts.tokenTtlHours}h` });
        return { token, principal: verify(token)! };
      },
      verify,
    });

    app.decorateRequest('principal', null);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const header = request.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      const principal = token ? verify(token) : null;
      if (!principal) throw new DomainError('unauthenticated', 'a valid bearer token is required');
      request.principal = principal;
    });
    app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest, reply: FastifyReply) => {
      await app.authenticate(request, reply);
      if (!roles.includes(request.principal!.role)) throw new DomainError('forbidden', `role ${request.principal!.role} may not do this`);
    });
  },
  { name: 'watchfloor-auth' },
);
