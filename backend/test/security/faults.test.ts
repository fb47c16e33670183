import assert from 'node:assert/strict';
import net from 'node:net';
import { sql } from 'kysely';
import request from 'supertest';
import { testContext } from '../support/context.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { buildApp } from '../../src/app.ts';
import { deliverDueEmails } from '../../src/emails/emails.worker.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { buildWorld, sessionTokens } from './world.ts';

/**
 * A TCP proxy between the app and PostgreSQL that the test can cut and restore: a network cut,
 * a database restart and an outage window, without touching the server other people use.
 */
class CuttableProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Every open connection dies mid-stream and new ones are refused. */
  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('security: faults (PostgreSQL only)', function () {
  this.timeout(120_000);
  let proxy: CuttableProxy;
  let handle: DatabaseHandle;
  let app: ReturnType<typeof buildApp>['app'];

  before(async function () {
    if (!process.env.TEST_DATABASE_URL) return this.skip();
    const server = new URL(process.env.TEST_DATABASE_URL);
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(testContext.db);
    proxy = new CuttableProxy({ host: server.hostname, port: Number(server.port || 5432) });
    await proxy.open();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.port = String(proxy.port);
    url.pathname = `/${rows[0].name}`;
    url.searchParams.set('application_name', 'crm-faults');
    handle = await openDatabase({ url: url.toString(), poolSize: 6, statementTimeoutMs: 5000, onPoolError: () => {} });
    app = buildApp({ ...testContext.appContext, db: handle.db, engine: 'postgres' }, { ping: handle.ping, loginLimit: 100_000 }).app;
  });

  after(async () => {
    await proxy?.cut().catch(() => {});
    await handle?.close().catch(() => {});
  });

  it('answers 503 during an outage, recovers by itself, keeps every acknowledged write and no half-done one', async () => {
    const world = await buildWorld(testContext.db, null);
    const cookie = `${SESSION_COOKIE}=${sessionTokens.staff}`;
    const acknowledged = new Map<number, string>();
    const statuses = new Map<number, number>();
    let stop = false;
    let counter = 0;
    const worker = async () => {
      while (!stop) {
        const name = `Lastverein ${++counter} e.V.`;
        const res = await request(app).post('/api/organisations').set('Cookie', cookie).send({ name, city: 'Halle' });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) acknowledged.set(res.body.id, name);
        else {
          assert.equal(res.status, 503, `unexpected ${res.status} ${res.text}`);
          assert.equal(res.body.code, 'database_unavailable');
          await sleep(50);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, worker));

    await sleep(1500);
    const beforeCut = acknowledged.size;
    await proxy.cut();
    await sleep(300);
    const ready = await request(app).get('/readyz');
    assert.equal(ready.status, 503);
    assert.equal((await request(app).get('/healthz')).status, 200, 'the process stays up');
    const during = await request(app).get('/api/organisations').set('Cookie', cookie);
    assert.equal(during.status, 503);
    assert.doesNotMatch(during.text, /ECONNREFUSED|at .*\.ts/, 'no internals in the answer');
    await sleep(1500);

    await proxy.open();
    const t0 = Date.now();
    while ((await request(app).get('/readyz')).status !== 200) {
      assert.ok(Date.now() - t0 < 15_000, 'did not recover within 15 s');
      await sleep(100);
    }
    await sleep(1000);
    // A server-side kill of every app connection mid-load (what a PostgreSQL restart does to them).
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'crm-faults'`.execute(testContext.db);
    await sleep(1500);
    stop = true;
    await load;

    assert.ok(beforeCut > 0, 'writes went through before the cut');
    assert.ok((statuses.get(503) ?? 0) > 0, 'the outage was visible as 503');
    assert.ok(acknowledged.size > beforeCut, 'writes went through after recovery');
    assert.deepEqual([...statuses.keys()].filter((s) => s !== 201 && s !== 503), []);
    assert.equal((await request(app).get('/readyz')).status, 200);

    const stored = await testContext.db.selectFrom('organisations').select(['id', 'name']).where('name', 'like', 'Lastverein %').execute();
    const byId = new Map(stored.map((o) => [o.id, o.name]));
    for (const [id, name] of acknowledged) assert.equal(byId.get(id), name, `acknowledged write ${id} is missing`);
    // Atomicity: every stored organisation has exactly its one audit event, and no event lacks its row.
    const events = await testContext.db.selectFrom('audit_events').select(['record_id']).where('resource', '=', 'organisations').where('action', '=', 'create').execute();
    const evented = events.map((e) => e.record_id).filter((id) => id !== null && id !== world.orgA && id !== world.orgB);
    assert.deepEqual([...evented].sort((a, b) => a! - b!), stored.map((o) => o.id).sort((a, b) => a - b));
  });

  it('resumes the e-mail outbox after an outage without sending anything twice', async () => {
    const ids = [];
    for (let i = 0; i < 30; i++) {
      const row = await testContext.db.insertInto('emails').values({ to: `empfaenger${i}@example.org`, subject: `Nachricht ${i}`, body: 'Hallo', template: 'test' }).returning('id').executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    const sent: number[] = [];
    const send = async (m: { id: number }) => {
      sent.push(m.id);
    };
    const first = await deliverDueEmails(handle.db, send, { from: 'test@example.org', batchSize: 10 });
    assert.equal(first.sent, 10);
    await proxy.cut();
    await assert.rejects(deliverDueEmails(handle.db, send, { from: 'test@example.org', batchSize: 10 }));
    assert.equal(sent.length, 10, 'nothing is sent while the database is away');
    await proxy.open();
    const t0 = Date.now();
    let rounds = 0;
    while (sent.length < 30) {
      assert.ok(Date.now() - t0 < 20_000, `outbox stuck at ${sent.length}`);
      try {
        await deliverDueEmails(handle.db, send, { from: 'test@example.org', batchSize: 10 });
      } catch {
        await sleep(100);
      }
      rounds++;
    }
    assert.ok(rounds >= 2);
    assert.equal(new Set(sent).size, sent.length, 'no message sent twice');
    assert.deepEqual([...sent].sort((a, b) => a - b), ids);
    const rows = await testContext.db.selectFrom('emails').select(['status']).execute();
    assert.ok(rows.every((r) => r.status === 'sent'));
  });
});
