import assert from 'node:assert/strict';
import request from 'supertest';
import { sql } from 'kysely';
import { testContext } from '../support/context.ts';
import { textColumns } from '../support/catalogue.ts';
import { dispositionFilename, parseCsv, rawBody } from '../support/csv.ts';
import { buildWorld, fillPath, sessionTokens } from './world.ts';
import { MATRIX, parseEntry } from './matrix.table.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { csvCell, csvCents, csvDecimal, csvText } from '../../src/http/csv.ts';

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP, plus full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
/** A number the writer made from a number (German notation): the one kind of cell that may start with "-". */
const GERMAN_NUMBER = /^-?\d+(,\d+)?$/;
const UMLAUTS = 'Grüße Ä ö ü ß';
const PREFIXES = ['=', '+', '-', '@', '\t', '\r', '\uff1d'];
const hostile = (i: number) => `${PREFIXES[i % PREFIXES.length]}HYPERLINK("https://evil.example/${i}";"${UMLAUTS}")`;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Every CSV the routes may ever list: the sweep below must find at least these (so a broken world
 * cannot make the test pass vacuously); any other route that answers text/csv is checked too.
 */
const KNOWN_CSV_ROUTES = ['/applications/export.csv', '/rankings/export.csv', '/coaching-sessions/export.csv', '/disbursement-exports/:id/file'];

/** Columns the world needs intact to produce its files: keys and hashes, and bank data the export validates. */
const KEEP = new Set(['sessions.id', 'users.password_hash', 'password_resets.token_hash', 'job_runs.name', 'organisations.iban', 'organisations.bic']);

/**
 * Writes a formula into every text column of every table (read from the catalogue, so a new
 * table is hostile too); columns whose constraints refuse it (enumerations) keep their value.
 */
async function fillWithFormulas(): Promise<number> {
  const db = testContext.db;
  let filled = 0;
  for (const [i, c] of (await textColumns(db)).entries()) {
    if (c.generated || c.type !== 'text' && c.type !== 'character varying' || KEEP.has(`${c.table}.${c.column}`)) continue;
    try {
      // ctid keeps values distinct where a column is unique (users.email).
      await sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${hostile(i)} || ' ' || ctid::text`.execute(db);
      filled++;
    } catch {
      // a CHECK constraint (status, role, …) refuses free text: that column cannot carry a formula.
    }
  }
  return filled;
}

const as = (role: keyof typeof sessionTokens) => ({ Cookie: `${SESSION_COOKIE}=${sessionTokens[role]}` });

describe('security: CSV exports (formula injection, encoding)', function () {
  this.timeout(120_000);

  it('the writer neutralises text that starts a formula, keeps numbers numeric and writes UTF-8 with BOM', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\uff1d']) assert.equal(csvCell(`${start}1+1`), `'${start}1+1`);
    assert.equal(csvCell('-12,50'), "'-12,50", 'a number the caller turned into text is text');
    assert.equal(csvCell('Ärzte ohne Grenzen'), 'Ärzte ohne Grenzen');
    assert.equal(csvCell(' =1'), ' =1', 'a leading space is not a formula');
    assert.equal(csvCell(-1.5), '-1,5');
    assert.equal(csvCell(csvCents(-1250)), '-12,50');
    assert.equal(csvCell(csvCents(123_456_789)), '1234567,89');
    assert.equal(csvCell(csvDecimal(-0.51234, 3)), '-0,512');
    assert.equal(csvCell(csvDecimal(null, 2)), '');
    assert.equal(csvCell(true), 'ja');
    assert.equal(csvCell(null), '');
    assert.throws(() => csvCents(1.5));
    const text = csvText([['Name', 'Betrag'], ['=cmd|" /C calc"!A0', csvCents(-5)], ['a;b\r\nc', 1]]);
    assert.ok(text.startsWith('\uFEFF'));
    assert.deepEqual(parseCsv(text), [['Name', 'Betrag'], ['\'=cmd|" /C calc"!A0', '-0,05'], ['a;b\r\nc', '1']]);
  });

  it('every CSV route neutralises hostile values from every text column, with BOM, umlauts and filename*', async () => {
    const db = testContext.db;
    const world = await buildWorld(db, null);
    assert.ok((await fillWithFormulas()) > 50, 'the world is hostile');
    // A stored bookkeeping file made from the hostile data (approver ≠ planner, as the four-eyes rule wants).
    await request(testContext.app).post(`/api/disbursements/${world.ids.disbursements}/approve`).set(as('admin')).send({}).expect(200);
    const batch = await request(testContext.app).post('/api/disbursement-exports').set(as('staff')).send({ format: 'csv', cohort_id: world.ids.cohorts }).expect(201);
    const ids = { ...world.ids, 'disbursement-exports': batch.body.id };

    const found: string[] = [];
    const failures: string[] = [];
    for (const route of testContext.routes.filter((r) => r.method === 'get')) {
      const raw = MATRIX[`GET ${route.path}`];
      const query = raw === undefined ? undefined : parseEntry(raw).query;
      const res = await request(testContext.app).get(`/api${fillPath(route.path, ids)}`).query(query ?? {}).set(as('admin')).buffer(true).parse(rawBody);
      if (!/^text\/csv/.test(String(res.headers['content-type']))) {
        if (route.path.endsWith('.csv')) failures.push(`${route.path}: answered ${res.status} ${res.headers['content-type']}, not a CSV`);
        continue;
      }
      found.push(route.path);
      const body = res.body as Buffer;
      const fail = (why: string) => failures.push(`${route.path}: ${why}`);
      if (res.status !== 200) fail(`status ${res.status}`);
      if (res.headers['content-type'] !== 'text/csv; charset=utf-8') fail(`content-type ${res.headers['content-type']}`);
      if (!body.subarray(0, 3).equals(BOM)) fail('no UTF-8 byte order mark');
      const name = dispositionFilename(res.headers['content-disposition']);
      if (!/filename\*=UTF-8''/.test(String(res.headers['content-disposition'])) || !name?.endsWith('.csv')) fail(`Content-Disposition ${res.headers['content-disposition']}`);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      const cells = parseCsv(text).flat();
      for (const cell of cells) {
        if (FORMULA_START.test(cell) && !GERMAN_NUMBER.test(cell)) fail(`cell runs as a formula: ${JSON.stringify(cell)}`);
      }
      // The hostile values did reach this file, neutralised and with their umlauts intact.
      const neutralised = cells.filter((c) => c.startsWith("'") && FORMULA_START.test(c.slice(1)) && c.includes(UMLAUTS));
      if (!neutralised.length) fail('no hostile value in the file (nothing was tested)');
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(KNOWN_CSV_ROUTES.filter((p) => !found.includes(p)), [], 'every known CSV route answered a CSV');
  });

  it('the bookkeeping CSV of a SEPA batch goes through the same writer', async () => {
    const db = testContext.db;
    const world = await buildWorld(db, null);
    await fillWithFormulas();
    await request(testContext.app).post(`/api/disbursements/${world.ids.disbursements}/approve`).set(as('admin')).send({}).expect(200);
    const batch = await request(testContext.app).post('/api/disbursement-exports').set(as('staff')).send({ format: 'sepa', cohort_id: world.ids.cohorts }).expect(201);
    const res = await request(testContext.app).get(`/api/disbursement-exports/${batch.body.id}/file`).query({ as: 'csv' }).set(as('staff')).buffer(true).parse(rawBody).expect(200);
    assert.ok((res.body as Buffer).subarray(0, 3).equals(BOM));
    const cells = parseCsv((res.body as Buffer).toString('utf8')).flat();
    assert.deepEqual(cells.filter((c) => FORMULA_START.test(c) && !GERMAN_NUMBER.test(c)), []);
    assert.ok(cells.some((c) => c.startsWith("'") && c.includes(UMLAUTS)));
  });
});
