import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEml } from '../support/eml.ts';
import { tokenIn } from '../support/mailbox.ts';
import { freshPostgresDatabase, killAll, startServer, tempDir, type ServerProcess } from '../support/server-process.ts';

const emlIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.eml')) : []);

/** Waits for the server's start-up line about e-mail delivery (it follows the "läuft auf" line). */
async function mailLine(server: ServerProcess): Promise<string> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const line = server.output().split('\n').find((l) => l.includes('"msg":"E-Mails:'));
    if (line) return JSON.parse(line).msg as string;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no line about e-mail delivery:\n${server.output()}`);
}

// The real server process: what someone trying the demo (no SMTP_URL) sees and gets.
describe('ops: e-mail delivery at start', function () {
  this.timeout(180_000);
  afterEach(async () => {
    await killAll();
  });

  it('with the embedded database and no SMTP_URL, names the file mailbox and puts a working registration link there', async function () {
    if (process.env.TEST_DATABASE_URL) return this.skip();
    const dir = tempDir('crm-mail-server-');
    try {
      const server = await startServer({ DATA_DIR: join(dir.path, 'pglite') }, 'read');
      const mailDir = join(dir.path, 'mail');
      assert.match(await mailLine(server), new RegExp(`^E-Mails: Dateiablage ${mailDir} \\(kein SMTP_URL gesetzt\\)\\. .*Bestätigung einer Registrierung`));
      const res = await fetch(`${server.baseUrl}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'demo@verein.de', password: 'sicheres-Passwort-1', name: 'Demo Person', organisation_name: 'Demoverein e.V.' }),
      });
      assert.equal(res.status, 202);
      let file: string | undefined;
      for (const deadline = Date.now() + 30_000; !file && Date.now() < deadline; ) {
        file = emlIn(mailDir).find((f) => f.endsWith('_register_confirm.eml'));
        if (!file) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(file, `no confirmation in ${mailDir}:\n${server.output()}`);
      const eml = parseEml(readFileSync(join(mailDir, file), 'utf8'));
      assert.equal(eml.headers.to, 'demo@verein.de');
      const token = tokenIn(eml.body);
      assert.ok(eml.body.includes(`${server.baseUrl}/#/register/confirm?token=${token}`));
      const confirm = () =>
        fetch(`${server.baseUrl}/api/auth/register/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
      assert.equal((await confirm()).status, 200);
      assert.equal((await confirm()).status, 400);
    } finally {
      await killAll();
      dir.remove();
    }
  });

  it('with DATABASE_URL and no SMTP_URL, says that mail is not sent and writes none', async function () {
    if (!process.env.TEST_DATABASE_URL) return this.skip();
    const database = await freshPostgresDatabase(process.env.TEST_DATABASE_URL, 'crm_mail');
    try {
      const server = await startServer({ DATABASE_URL: database.url }, 'read');
      assert.match(await mailLine(server), /^E-Mails: nicht versendet/);
      assert.doesNotMatch(server.output(), /Dateiablage/);
    } finally {
      await killAll();
      await database.drop();
    }
  });
});
