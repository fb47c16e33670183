import assert from 'node:assert/strict';
import { sql } from 'kysely';
import request from 'supertest';
import { testContext } from '../support/context.ts';
import { buildApp } from '../../src/app.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import type { RouteDef } from '../../src/http/api-router.ts';
import type { FieldSpec } from '../../src/http/list-query.ts';
import {
  answerOf, catalog, distinctValues, isListRoute, mergeReads, noReads, ReadCapture, rotateColumn, sender, volatileKeys,
  type Answer, type Column, type Reads,
} from '../support/noninterference.ts';
import { buildWorld, clearTables, MATRIX_ROLES, sessionTokens, type MatrixRole, type World } from './world.ts';

/**
 * Blindness (issue 16, class 3): what a caller cannot see, they cannot learn by filtering, sorting
 * or searching a list either, and a juror's draft shows nowhere before it is submitted. Generic
 * over the route table: every list route, every logged-in caller of the authorization matrix,
 * every sort/filter key and every text column of the database.
 *
 * The oracle is noninterference: the test changes data in the database and asks each caller for
 * the plain list (every record, every field). Records that come back unchanged carry nothing of
 * the change that the caller can see; so no filtered or sorted answer may treat them differently
 * before and after the change either.
 */
const ROLES = MATRIX_ROLES.filter((r): r is Exclude<MatrixRole, 'anonymous'> => r !== 'anonymous');
const FULL_RANGE = JSON.stringify([0, 999]);
/** Tables whose text is not content: login secrets and bookkeeping. */
const NOT_CONTENT = new Set(['sessions', 'password_resets', 'account_tokens', 'job_runs']);

interface ListRoute {
  route: RouteDef;
  /** Extra filter a list insists on (rankings need their cohort). */
  base: Record<string, unknown>;
  /** False for exports, which take no `range`. */
  paged: boolean;
  /** Which tables its queries read under which alias. */
  reads: Reads;
  /** The plain answer per caller who may read the list, and the keys that change on every read (clocks). */
  plain: Map<MatrixRole, { answer: Answer; volatile: Set<string> }>;
}

type Declared = RouteDef & { list?: { fields: Record<string, FieldSpec>; search?: boolean } };

/** The matrix world with unreleased decisions, drafts with recommendations and a third organisation. */
async function blindWorld(): Promise<World & { appC: number; drafts: { jury: number; conflictedJury: number } }> {
  const db = testContext.db as any;
  await clearTables(testContext.db);
  const world = await buildWorld(testContext.db, null);
  const orgC = (await db.insertInto('organisations').values({ name: 'Organisation C gUG', city: 'Dresden', state: 'Sachsen', field: 'culture', legal_form: 'other', email: 'c@verein-c.de', description: 'Theater im ländlichen Raum' }).returning('id').executeTakeFirstOrThrow()).id;
  const appC = (await db.insertInto('applications').values({
    cohort_id: world.cohort, organisation_id: orgC, project_name: 'Kulturtransfer', summary: 'Kurz', transfer_model: 'licensing',
    funding_requested_cents: 3_000_000, status: 'waitlisted', submitted_at: new Date('2026-02-03T00:00:00Z'), interview_at: new Date('2026-03-20T10:00:00Z'),
  }).returning('id').executeTakeFirstOrThrow()).id;
  // Decisions taken but not released: applicants see "submitted", jurors no status at all.
  await db.updateTable('applications').set({ decision_released_at: null, interview_at: new Date('2026-03-18T09:00:00Z') }).where('id', '=', world.ids.applications).execute();
  await db.updateTable('applications').set({ status: 'rejected', decision_released_at: null }).where('id', 'not in', [world.ids.applications, appC]).execute();
  // Drafts with different recommendations: staff see them only as "in progress".
  const draftOf = async (juror: number) => (await db.selectFrom('reviews').select('id').where('juror_id', '=', juror).where('status', '=', 'assigned').executeTakeFirstOrThrow()).id as number;
  const drafts = { jury: await draftOf(world.users.jury), conflictedJury: await draftOf(world.users.conflictedJury) };
  await db.updateTable('reviews').set({ recommendation: 'no', overall_comment: 'Entwurf' }).where('id', '=', drafts.conflictedJury).execute();
  await db.updateTable('reviews').set({ recommendation: 'maybe' }).where('id', '=', drafts.jury).execute();
  await db.insertInto('reviews').values({ application_id: appC, juror_id: world.users.jury, status: 'assigned', recommendation: 'yes' }).execute();
  // Answers show times to the millisecond; the world keeps them so (PostgreSQL stores microseconds,
  // and two rows a few microseconds apart would look alike while an exact filter tells them apart).
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and udt_name = 'timestamptz' and is_generated = 'NEVER'`.execute(testContext.db);
  for (const { table_name, column_name } of rows) {
    await sql`update ${sql.table(table_name)} set ${sql.ref(column_name)} = date_trunc('milliseconds', ${sql.ref(column_name)}) where ${sql.ref(column_name)} is not null`.execute(testContext.db);
  }
  return { ...world, appC, drafts };
}

function listQueryOf(list: Pick<ListRoute, 'base' | 'paged'>, sort: unknown, filter: Record<string, unknown>): Record<string, string> {
  const query: Record<string, string> = { filter: JSON.stringify({ ...list.base, ...filter }) };
  if (sort !== undefined) query.sort = JSON.stringify(sort);
  if (list.paged) query.range = FULL_RANGE;
  return query;
}

describe('security: blindness (what a caller cannot see, they cannot filter, sort or search for)', function () {
  this.timeout(900_000);
  const capture = new ReadCapture();
  let get: ReturnType<typeof sender>;
  let columns: Column[];
  let world: Awaited<ReturnType<typeof blindWorld>>;

  before(async () => {
    // The same app on the same database, with a plugin noting which tables each list reads.
    const { app } = buildApp({ ...testContext.appContext, db: testContext.db.withPlugin(capture) }, { ping: async () => true, loginLimit: 100_000 });
    get = sender(app, sessionTokens);
    columns = await catalog(testContext.db);
  });

  /** Every list route with what it needs, the tables it reads and each caller's plain answer. */
  async function listRoutes(): Promise<ListRoute[]> {
    const lists: ListRoute[] = [];
    for (const route of testContext.routes.filter(isListRoute)) {
      const list: ListRoute = { route, base: {}, paged: true, reads: noReads(), plain: new Map() };
      for (const role of ROLES) {
        const { result, reads } = await capture.during(async () => {
          let res = await get(route.path, role, listQueryOf(list, undefined, {}));
          if (res.status === 400 && res.body?.errors?.range) {
            list.paged = false;
            res = await get(route.path, role, listQueryOf(list, undefined, {}));
          }
          // A required filter (`cohort_id`) gets the world's record of that kind.
          for (const key of Object.keys(res.status === 400 ? res.body?.errors ?? {} : {})) {
            const id = world.ids[key.replace(/_id$/, 's')];
            if (id && list.base[key] === undefined) {
              list.base[key] = id;
              res = await get(route.path, role, listQueryOf(list, undefined, {}));
            }
          }
          return res;
        });
        mergeReads(list.reads, reads);
        if (result.status !== 200) continue;
        const again = await get(route.path, role, listQueryOf(list, undefined, {}));
        const volatile = volatileKeys(result, again);
        list.plain.set(role, { answer: answerOf(result, volatile), volatile });
      }
      if (list.plain.size) lists.push(list);
    }
    return lists;
  }

  /** The table columns behind a field: `o.name` → organisations.name, through what the list's queries read. */
  function columnsBehind(list: ListRoute, refs: string[]): Column[] {
    const found = new Map<string, Column>();
    const { aliases, derived } = list.reads;
    const read = (c: Column) => [...aliases.values()].some((s) => s.has(c.table));
    const resolve = (ref: string, depth = 0): string[] => (depth < 4 && derived.has(ref) ? [...derived.get(ref)!].flatMap((r) => resolve(r, depth + 1)) : [ref]);
    for (const ref of refs.flatMap((r) => resolve(r))) {
      const [alias, name] = ref.includes('.') ? ref.split('.') : [undefined, ref];
      const tables = alias ? aliases.get(alias) : undefined;
      let hits = columns.filter((c) => c.column === name && (tables ? tables.has(c.table) : read(c)));
      // An alias of raw SQL the capture could not follow: any table the list read.
      if (!hits.length) hits = columns.filter((c) => c.column === name && read(c));
      // A generated column (a sort key) follows the column it is made of: change that one.
      for (const c of hits) if (!c.generated) found.set(`${c.table}.${c.column}`, c);
    }
    return [...found.values()];
  }

  /** Sort/filter keys of a list: its declared fields, or (undeclared) every key it accepts for sorting. */
  async function keysOf(list: ListRoute): Promise<Array<{ key: string; refs: string[] }>> {
    const declared = (list.route as Declared).list?.fields;
    if (declared) {
      return Object.entries(declared).map(([key, spec]) => ({ key, refs: [spec.column, spec.sortColumn].filter((r): r is string => !!r && /^\w+\.\w+$/.test(r)) }));
    }
    const candidates = new Set<string>();
    for (const { answer } of list.plain.values()) for (const r of answer.records) if (r.startsWith('{')) for (const k of Object.keys(JSON.parse(r))) candidates.add(k);
    for (const c of columns) if ([...list.reads.aliases.values()].some((s) => s.has(c.table))) candidates.add(c.column);
    const reader = [...list.plain.keys()].at(-1)!;
    const keys: Array<{ key: string; refs: string[] }> = [];
    for (const key of candidates) {
      const res = await get(list.route.path, reader, listQueryOf(list, [key, 'ASC'], {}));
      if (res.status === 200) keys.push({ key, refs: [key] });
    }
    return keys;
  }

  /** Per caller, the records of the plain list that the data change left as they were. */
  async function unchangedRecords(list: ListRoute, roles: MatrixRole[]): Promise<Map<MatrixRole, Set<string>>> {
    const unchanged = new Map<MatrixRole, Set<string>>();
    await Promise.all(roles.map(async (role) => {
      const plain = list.plain.get(role);
      if (!plain) return;
      const after = answerOf(await get(list.route.path, role, listQueryOf(list, undefined, {})), plain.volatile);
      const same = new Set(after.records.filter((r) => plain.answer.records.includes(r)));
      if (same.size) unchanged.set(role, same);
    }));
    return unchanged;
  }

  /**
   * Everything a caller can read: every list whole, and every record route (`/fellowships/:id/story`)
   * for the records (at most three) the caller's list of that kind shows.
   */
  async function readAll(role: MatrixRole, lists: ListRoute[], ids: Record<string, number>): Promise<Array<[string, string]>> {
    const paths: Array<[string, Record<string, string>]> = lists.filter((l) => l.plain.has(role)).map((l) => [l.route.path, listQueryOf(l, undefined, {})]);
    for (const route of testContext.routes.filter((r) => r.method === 'get' && r.path.includes(':'))) {
      const [base] = route.path.split('/:');
      const listed = lists.find((l) => l.route.path === base)?.plain.get(role)?.answer;
      const own = listed ? idsOf(listed).slice(0, 3).map(Number) : [];
      for (const id of own.length ? own : [ids[base.split('/').filter(Boolean).at(-1) ?? ''] ?? 1]) paths.push([route.path.replace(':id', String(id)), {}]);
    }
    const texts: Array<[string, string]> = [];
    for (let i = 0; i < paths.length; i += 8) {
      const batch = await Promise.all(paths.slice(i, i + 8).map(([path, query]) => get(path, role, query)));
      batch.forEach((res, j) => texts.push([paths[i + j][0], res.status === 200 ? String(res.text ?? '') : '']));
    }
    return texts;
  }

  /** The ids a list answers, in order (JSON records' `id`, or an export's id column). */
  const idsOf = (answer: Answer, column?: number) =>
    answer.records.map((r) => (column === undefined ? String((JSON.parse(r) as { id: unknown }).id) : (JSON.parse(r) as string[])[column]));

  /**
   * An export is its list in another format (fewer fields, every row): for every key, its rows are
   * the list's records in the list's order, or both refuse. So it is as blind as its list.
   */
  async function checkExport(exported: ListRoute, list: ListRoute, failures: string[]): Promise<number> {
    let checked = 0;
    for (const [role, { answer }] of exported.plain) {
      const listed = list.plain.get(role);
      if (!listed) {
        failures.push(`GET ${exported.route.path} as ${role}: the list ${list.route.path} answers ${role} nothing`);
        continue;
      }
      const ids = idsOf(listed.answer).sort().join();
      const rows = answer.records.map((r) => JSON.parse(r) as string[]);
      const column = rows.length ? rows[0].findIndex((_, j) => rows.map((row) => row[j]).sort().join() === ids) : 0;
      if (column < 0) {
        failures.push(`GET ${exported.route.path} as ${role}: no column holds the ids of ${list.route.path}`);
        continue;
      }
      for (const { key, refs } of await keysOf(exported)) {
        const values = (await Promise.all(columnsBehind(exported, refs).map((c) => distinctValues(testContext.db, c.table, c.column, 3)))).flat().filter((v) => v !== null);
        for (const [sort, filter] of [[[key, 'ASC'], {}], ...values.slice(0, 2).map((v) => [undefined, { [key]: v }])] as Array<[unknown, Record<string, unknown>]>) {
          checked++;
          const a = answerOf(await get(exported.route.path, role, listQueryOf(exported, sort, filter)));
          const b = answerOf(await get(list.route.path, role, listQueryOf(list, sort, filter)), listed.volatile);
          const same = a.status === b.status && (a.status !== 200 || idsOf(a, column).join() === idsOf(b).join());
          if (!same) failures.push(`GET ${exported.route.path} as ${role}: ${JSON.stringify(sort ?? filter)} answers other rows than ${list.route.path} (${a.status}/${b.status})`);
        }
      }
    }
    return checked;
  }

  it('answers the examples of the issue: a juror’s status filter is a 400, staff filter only submitted recommendations, applicants see their status as shown', async () => {
    world = await blindWorld();
    const query = (filter: object, sort?: unknown) => ({ filter: JSON.stringify(filter), range: FULL_RANGE, ...(sort ? { sort: JSON.stringify(sort) } : {}) });
    for (const q of [query({ status: 'selected' }), query({ status_neq: 'rejected' }), query({}, ['status', 'ASC']), query({ updated_at_gte: '2020-01-01' })]) {
      const res = await get('/applications', 'jury', q).expect(400);
      assert.equal(res.body.code, 'hidden_field', JSON.stringify(q));
      assert.match(res.body.message, /nicht sichtbar|sehen dieses Feld nicht/);
    }
    // Staff: the draft recommending "yes" is not among the "yes"; sorting puts drafts with the empty ones.
    const ids = async (role: MatrixRole, path: string, q: Record<string, string>) => (await get(path, role, q).expect(200)).body.map((r: { id: number }) => r.id);
    const submitted = await testContext.db.selectFrom('reviews').select('id').where('status', '=', 'submitted').execute();
    assert.deepEqual(await ids('staff', '/reviews', query({ recommendation: 'yes' })), submitted.map((r) => r.id));
    assert.deepEqual(await ids('staff', '/reviews', query({ recommendation: ['no', 'maybe'] })), []);
    assert.equal((await ids('staff', '/reviews', query({}, ['recommendation', 'ASC'])))[0], submitted[0].id);
    // The juror sees their own drafts' recommendations and may filter by them.
    assert.equal((await ids('jury', '/reviews', query({ recommendation: 'maybe' }))).length, 1);
    // Applicant A's application is selected but not released: it is "submitted" for sorting and filtering too.
    assert.deepEqual(await ids('applicantA', '/applications', query({ status: 'submitted' })), [world.ids.applications]);
    assert.deepEqual(await ids('applicantA', '/applications', query({ status: 'selected' })), []);
  });

  it('gives no filter or sort an answer that depends on values hidden from the caller', async () => {
    world = await blindWorld();
    const lists = await listRoutes();
    assert.ok(lists.length > 15, `found only ${lists.length} list routes`);
    const failures: string[] = [];
    let checked = 0;
    for (const list of lists) {
      const path = list.route.path;
      const exportOf = path.endsWith('/export.csv') ? lists.find((l) => l.route.path === path.replace(/\/export\.csv$/, '')) : undefined;
      if (exportOf) {
        checked += await checkExport(list, exportOf, failures);
        continue;
      }
      for (const { key, refs } of await keysOf(list)) {
        for (const column of columnsBehind(list, refs)) {
          const values = await distinctValues(testContext.db, column.table, column.column);
          if (!(await rotateColumn(testContext.db, column.table, column.column, column.type, values))) continue;
          const unchanged = await unchangedRecords(list, [...list.plain.keys()]);
          await rotateColumn(testContext.db, column.table, column.column, column.type, values, true);
          if (!unchanged.size) continue;
          const shown = values.filter((v) => v !== null);
          const probes: Array<[string, unknown, Record<string, unknown>]> = [
            [`sort ${key} ASC`, [key, 'ASC'], {}],
            [`sort ${key} DESC`, [key, 'DESC'], {}],
            ...shown.slice(0, 4).map((v): [string, unknown, Record<string, unknown>] => [`filter ${key}=${JSON.stringify(v)}`, undefined, { [key]: v }]),
            [`filter ${key}_gte`, undefined, { [`${key}_gte`]: shown[Math.floor(shown.length / 2)] ?? null }],
          ];
          const ask = async () => {
            const out = new Map<string, Answer>();
            await Promise.all([...unchanged.keys()].flatMap((role) => probes.map(async ([label, sort, filter]) => {
              out.set(`${role} ${label}`, answerOf(await get(path, role, listQueryOf(list, sort, filter)), list.plain.get(role)!.volatile));
            })));
            return out;
          };
          const before = await ask();
          await rotateColumn(testContext.db, column.table, column.column, column.type, values);
          const after = await ask();
          await rotateColumn(testContext.db, column.table, column.column, column.type, values, true);
          for (const [role, hidden] of unchanged) {
            for (const [label, sort] of probes) {
              checked++;
              const b = before.get(`${role} ${label}`)!;
              const a = after.get(`${role} ${label}`)!;
              const what = `GET ${path} as ${role}: ${label} tells ${column.table}.${column.column} apart, which the list does not show`;
              if (b.status !== a.status) failures.push(`${what} (status ${b.status} → ${a.status})`);
              else if (sort !== undefined) {
                const order = (x: Answer) => x.records.filter((r) => hidden.has(r));
                if (JSON.stringify(order(b)) !== JSON.stringify(order(a))) failures.push(`${what} (order)`);
              } else {
                const members = (x: Answer) => [...hidden].map((r) => x.records.includes(r));
                if (JSON.stringify(members(b)) !== JSON.stringify(members(a))) failures.push(`${what} (matches)`);
              }
            }
          }
        }
      }
    }
    assert.ok(checked > 0, 'no probe ran');
    assert.ok(!failures.length, `${failures.length} answers reveal hidden values:\n${failures.join('\n')}`);
  });

  it('finds nothing through `q` in text the caller cannot see anywhere', async () => {
    world = await blindWorld();
    // Every text column of every row gets a word of its own: zqa<table>x<column>x<id>b.
    const cells: Array<{ table: string; column: string; id: number; marker: string }> = [];
    const tables = [...new Set(columns.map((c) => c.table))].filter((t) => !NOT_CONTENT.has(t) && columns.some((c) => c.table === t && c.column === 'id'));
    for (const [ti, table] of tables.entries()) {
      for (const [ci, c] of columns.filter((c) => c.table === table && !c.generated && ['text', 'varchar'].includes(c.type) && c.column !== 'password_hash').entries()) {
        try {
          const rows = await testContext.db.transaction().execute(async (trx) => (await sql<{ id: number }>`
            update ${sql.table(table)} set ${sql.ref(c.column)} = coalesce(${sql.ref(c.column)} || ' ', '') || ${`zqa${ti}x${ci}x`} || id::text || 'b' returning id`.execute(trx)).rows);
          for (const { id } of rows) cells.push({ table, column: c.column, id, marker: `zqa${ti}x${ci}x${id}b` });
        } catch {
          // A CHECK (a state, a kind) refuses the word: that column is not free text.
        }
      }
    }
    assert.ok(cells.length > 100, `only ${cells.length} text cells marked`);
    const lists = await listRoutes();
    const searchable = lists.filter((l) => (l.route as Declared).list?.search ?? true);
    const failures: string[] = [];
    for (const role of ROLES) {
      const seen = new Set<string>();
      for (const [, text] of await readAll(role, lists, world.ids)) for (const m of text.matchAll(/zqa\d+x\d+x\d+b/g)) seen.add(m[0]);
      const hidden = cells.filter((cell) => !seen.has(cell.marker));
      // What the caller cannot see gets a word of another kind (zqh…), which no search may then find.
      const mark = async (from: string, to: string) => {
        const byColumn = new Map<string, number[]>();
        for (const cell of hidden) (byColumn.get(`${cell.table}.${cell.column}`) ?? byColumn.set(`${cell.table}.${cell.column}`, []).get(`${cell.table}.${cell.column}`)!).push(cell.id);
        for (const [key, ids] of byColumn) {
          const [table, column] = key.split('.');
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = replace(${sql.ref(column)}, ${from}, ${to}) where id in (${sql.join(ids)})`.execute(testContext.db);
        }
      };
      await mark('zqa', 'zqh');
      for (const list of searchable) {
        if (!list.plain.has(role)) continue;
        const answer = answerOf(await get(list.route.path, role, listQueryOf(list, undefined, { q: 'zqh' })));
        if (answer.status === 200 && answer.records.length) {
          const found: string[] = [];
          for (const cell of hidden) {
            const word = cell.marker.replace('zqa', 'zqh');
            const hit = answerOf(await get(list.route.path, role, listQueryOf(list, undefined, { q: word })));
            if (hit.status === 200 && hit.records.length) found.push(`${cell.table}.${cell.column} (id ${cell.id})`);
          }
          failures.push(`GET ${list.route.path} as ${role}: q finds ${answer.records.length} record(s) by text hidden from the caller: ${found.join(', ')}`);
        }
      }
      await mark('zqh', 'zqa');
    }
    assert.ok(!failures.length, `${failures.length} searches match hidden text:\n${failures.join('\n')}`);
  });

  it('shows a juror’s draft to nobody else in any answer, audit trail included, until it is submitted', async () => {
    world = await blindWorld();
    const SECRET = ['Entwurfsgeheimnis-Punkte', 'Entwurfsgeheimnis-Gesamt', 'Entwurfsgeheimnis-Verworfen'];
    const as = (role: Exclude<MatrixRole, 'anonymous'>) => `${SESSION_COOKIE}=${sessionTokens[role]}`;
    const criterion = world.ids.criteria;
    // Jurors write only while their cohort is in review (reviews lock once it has left review).
    await (testContext.db as any).updateTable('cohorts').set({ phase: 'review' }).where('id', '=', world.cohort).execute();
    // The juror saves a draft; another juror saves one that staff then withdraw (deleted, never submitted).
    await request(testContext.app).put(`/api/reviews/${world.drafts.jury}`).set('Cookie', as('jury'))
      .send({ scores: [{ criterion_id: criterion, score: 2, comment: SECRET[0] }], recommendation: 'no', overall_comment: SECRET[1] }).expect(200);
    await request(testContext.app).put(`/api/reviews/${world.drafts.conflictedJury}`).set('Cookie', as('conflictedJury'))
      .send({ scores: [{ criterion_id: criterion, score: 5, comment: SECRET[2] }], recommendation: 'yes' }).expect(200);
    await request(testContext.app).delete(`/api/reviews/${world.drafts.conflictedJury}`).set('Cookie', as('staff')).expect(200);

    const lists = await listRoutes();
    const failures: string[] = [];
    const owner: Record<string, MatrixRole> = { [SECRET[0]]: 'jury', [SECRET[1]]: 'jury', [SECRET[2]]: 'conflictedJury' };
    const check = (role: MatrixRole, label: string, text: string) => {
      for (const secret of SECRET) if (text.includes(secret) && owner[secret] !== role) failures.push(`${label} as ${role} shows the draft text ${secret}`);
    };
    for (const role of ROLES) for (const [path, text] of await readAll(role, lists, world.ids)) check(role, `GET ${path}`, text);
    // The audit trail keeps the changes, but not the draft's content (admins included).
    const trail = await get('/audit-events', 'admin', { filter: JSON.stringify({ resource: 'reviews' }), range: FULL_RANGE }).expect(200);
    const draftEvents = trail.body.filter((e: any) => [world.drafts.jury, world.drafts.conflictedJury].includes(e.record_id));
    assert.ok(draftEvents.length >= 3, 'the draft saves and the deletion are audited');
    for (const event of draftEvents) {
      for (const side of ['before', 'after']) {
        for (const key of ['scores', 'recommendation', 'overall_comment', 'score']) {
          if (event.changes?.[side] && key in event.changes[side]) failures.push(`audit event ${event.id} (${event.action}) shows the draft's ${side}.${key}`);
        }
      }
    }
    assert.ok(!failures.length, failures.join('\n'));

    // Submitted, the review and its history are open to staff and admins.
    await request(testContext.app).post(`/api/reviews/${world.drafts.jury}/submit`).set('Cookie', as('jury')).send({}).expect(200);
    const review = await get(`/reviews/${world.drafts.jury}`, 'staff').expect(200);
    assert.equal(review.body.overall_comment, SECRET[1]);
    const history = await get('/audit-events', 'admin', { filter: JSON.stringify({ resource: 'reviews', record_id: world.drafts.jury }), range: FULL_RANGE }).expect(200);
    assert.ok(history.body.some((e: any) => e.action === 'update' && e.changes.after?.recommendation === 'no'), 'the draft save is visible once submitted');
    const withdrawn = await get('/audit-events', 'admin', { filter: JSON.stringify({ resource: 'reviews', record_id: world.drafts.conflictedJury }), range: FULL_RANGE }).expect(200);
    assert.ok(!JSON.stringify(withdrawn.body).includes(SECRET[2]), 'a deleted draft stays hidden');
  });
});
