import request from 'supertest';
import { sql } from 'kysely';
import { testContext } from './context.ts';
import { hashPassword } from '../../src/auth/password.ts';
import type { Role } from '../../src/db/schema.ts';

export const PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | undefined;
let counter = 0;

export const db = () => testContext.db;
export const api = () => request(testContext.app);

export async function createOrganisation(values: Record<string, unknown> = {}) {
  counter++;
  return db()
    .insertInto('organisations')
    .values({ name: `Testverein ${counter} e.V.`, city: 'Berlin', state: 'Berlin', field: 'education', email: `org${counter}@example.org`, ...values } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createUser(role: Role, values: Record<string, unknown> = {}) {
  counter++;
  passwordHash ??= hashPassword(PASSWORD);
  let organisation_id = (values.organisation_id as number | undefined) ?? null;
  if (role === 'applicant' && !organisation_id) organisation_id = (await createOrganisation()).id;
  return db()
    .insertInto('users')
    .values({ email: `${role}${counter}@example.org`, name: `${role} ${counter}`, role, password_hash: await passwordHash, ...values, organisation_id } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type Agent = ReturnType<typeof request.agent>;

/** A supertest agent that carries the session cookie of this user. */
export async function loginAs(user: { email: string }): Promise<Agent> {
  const agent = request.agent(testContext.app);
  await agent.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
  return agent;
}

export async function agentFor(role: Role, values: Record<string, unknown> = {}) {
  const user = await createUser(role, values);
  return { user, agent: await loginAs(user) };
}

/** A fingerprint of every table's rows, to prove that a rejected request changed nothing. */
export async function databaseSnapshot(): Promise<string> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by tablename`.execute(db());
  const parts: string[] = [];
  for (const { tablename } of rows) {
    if (tablename === 'sessions') continue;
    const result = await sql.raw<{ digest: string | null; n: number }>(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*)::int as n from "${tablename}" t`,
    ).execute(db());
    parts.push(`${tablename}:${result.rows[0].n}:${result.rows[0].digest}`);
  }
  return parts.join('\n');
}

export const listQuery = (params: { sort?: unknown; range?: unknown; filter?: unknown }) => {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) query[k] = JSON.stringify(v);
  return query;
};
