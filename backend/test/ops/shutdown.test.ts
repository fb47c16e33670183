import assert from 'node:assert/strict';
import net from 'node:net';
import {
  freshPostgresDatabase,
  isAlive,
  killAll,
  processesTagged,
  SERVER_ADMIN,
  startServer,
  tempDir,
  type ServerProcess,
  type Storage,
} from '../support/server-process.ts';

/** SIGTERM must end the server within this time, in every case. */
const LIMIT_MS = 10_000;

async function login(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SERVER_ADMIN),
    signal: AbortSignal.timeout(5000),
  }).catch((error: Error) => {
    throw new Error(`login failed (${error.message}; server ${isAlive(server.pid) ? 'running' : 'gone'}):\n${server.output()}`, { cause: error });
  });
  assert.equal(res.status, 200, await res.text());
  return res.headers.get('set-cookie')!.split(';')[0];
}

/**
 * `total` requests from 8 parallel clients: every second one creates an organisation, the others
 * read a long list URL (so the request log grows fast). Returns the organisations the server
 * acknowledged (201 with an id). Stops early when the server stops answering.
 */
async function load(baseUrl: string, cookie: string, total: number): Promise<Map<number, string>> {
  const acknowledged = new Map<number, string>();
  let next = 0;
  let stalled = false;
  const filter = encodeURIComponent(JSON.stringify({ q: 'Verein', city: 'Berlin', field: 'education', state: 'Berlin' }));
  const listUrl = `${baseUrl}/api/organisations?sort=${encodeURIComponent('["name","ASC"]')}&range=${encodeURIComponent('[0,9]')}&filter=${filter}`;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (!stalled && next < total) {
        const n = next++;
        try {
          if (n % 2 === 0) {
            const name = `Lastverein ${n} e.V.`;
            const res = await fetch(`${baseUrl}/api/organisations`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie },
              body: JSON.stringify({ name, city: 'Berlin', state: 'Berlin', field: 'education' }),
              signal: AbortSignal.timeout(5000),
            });
            const body = (await res.json()) as { id?: number };
            if (res.status === 201 && body.id) acknowledged.set(body.id, name);
          } else {
            const res = await fetch(listUrl, { headers: { cookie }, signal: AbortSignal.timeout(5000) });
            await res.arrayBuffer();
          }
        } catch {
          stalled = true;
        }
      }
    }),
  );
  return acknowledged;
}

/** Sends `signal` and measures how long the process takes to exit (Infinity: still there after `within`). */
async function signalAndWait(server: ServerProcess, signal: NodeJS.Signals, within: number): Promise<number> {
  const started = Date.now();
  server.child.kill(signal);
  const outcome = await Promise.race([server.exited.then(() => Date.now() - started), new Promise<number>((r) => setTimeout(() => r(Infinity), within))]);
  return outcome;
}

async function organisationsNamed(baseUrl: string, cookie: string, ids: number[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const filter = encodeURIComponent(JSON.stringify({ id: ids.slice(i, i + 500) }));
    const res = await fetch(`${baseUrl}/api/organisations?range=${encodeURIComponent('[0,999]')}&filter=${filter}`, { headers: { cookie } });
    assert.equal(res.status, 200);
    for (const row of (await res.json()) as { id: number; name: string }[]) found.set(row.id, row.name);
  }
  return found;
}

interface Variant {
  name: string;
  applies: () => boolean;
  storage: () => Promise<{ storage: Storage; cleanup: () => Promise<void> }>;
}

// The PGlite run covers the embedded database, the PostgreSQL run (TEST_DATABASE_URL) PostgreSQL.
const variants: Variant[] = [
  {
    name: 'embedded database (PGlite data directory)',
    applies: () => !process.env.TEST_DATABASE_URL,
    storage: async () => {
      const dir = tempDir('crm-shutdown-');
      return { storage: { DATA_DIR: `${dir.path}/pglite` }, cleanup: async () => dir.remove() };
    },
  },
  {
    name: 'PostgreSQL',
    applies: () => Boolean(process.env.TEST_DATABASE_URL),
    storage: async () => {
      const database = await freshPostgresDatabase(process.env.TEST_DATABASE_URL!, 'crm_shutdown');
      return { storage: { DATABASE_URL: database.url }, cleanup: database.drop };
    },
  },
];

describe('ops: shutdown', function () {
  this.timeout(180_000);

  afterEach(async () => {
    await killAll();
  });

  for (const variant of variants) {
    describe(variant.name, () => {
      let storage: Storage;
      let cleanup: (() => Promise<void>) | undefined;

      before(async function () {
        if (!variant.applies()) return this.skip();
        ({ storage, cleanup } = await variant.storage());
      });

      after(async () => {
        await killAll();
        await cleanup?.();
      });

      it('exits within 10 s of SIGTERM under a stalled log reader after load, leaving no process, and keeps every acknowledged write', async () => {
        const server = await startServer(storage, 'stalled');
        const cookie = await login(server);
        const acknowledged = await load(server.baseUrl, cookie, 600);
        assert.ok(acknowledged.size >= 250, `only ${acknowledged.size} writes acknowledged: the server stopped answering under a stalled log reader`);

        const took = await signalAndWait(server, 'SIGTERM', LIMIT_MS + 2_000);
        assert.ok(took <= LIMIT_MS, `the server was still running ${LIMIT_MS} ms after SIGTERM (took ${took} ms)\n${server.output()}`);
        assert.equal(isAlive(server.pid), false, 'the server process is gone');
        assert.deepEqual(processesTagged(server.tag), [], 'no process of the server is left');
        assert.equal((await server.exited).code, 0, `a clean exit (database closed), not a forced one\n${server.output()}`);

        const again = await startServer(storage, 'read');
        const found = await organisationsNamed(again.baseUrl, await login(again), [...acknowledged.keys()]);
        const missing = [...acknowledged].filter(([id, name]) => found.get(id) !== name);
        assert.deepEqual(missing, [], 'every acknowledged write is there after the restart');
        assert.ok((await signalAndWait(again, 'SIGTERM', LIMIT_MS)) <= LIMIT_MS);
      });

      it('exits at once on a second signal while the first one still waits for a request in progress', async () => {
        const server = await startServer(storage, 'read');
        // A request whose headers never finish: the first SIGTERM lets it run, up to the drain time.
        const socket = net.connect(Number(new URL(server.baseUrl).port), '127.0.0.1');
        socket.on('error', () => {});
        await new Promise<void>((done) => socket.once('connect', () => done()));
        await new Promise<void>((done) => socket.write('GET /api/auth/me HTTP/1.1\r\nHost: 127.0.0.1\r\n', () => done()));
        // Once another request is answered, the server has read those bytes too (they arrived first).
        assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200);
        try {
          assert.equal(await signalAndWait(server, 'SIGTERM', 1_000), Infinity, 'the first signal waits for the request in progress');
          const took = await signalAndWait(server, 'SIGINT', 1_500);
          assert.ok(took <= 1_500, `a second signal ends the server at once (took ${took} ms)`);
          assert.deepEqual(processesTagged(server.tag), []);
        } finally {
          socket.destroy();
        }
      });
    });
  }
});
