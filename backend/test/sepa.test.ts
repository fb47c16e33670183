import assert from 'node:assert/strict';
import { create } from 'xmlbuilder2';
import { agentFor, databaseSnapshot, db, listQuery } from './support/fixtures.ts';
import { createFellowship, insertTranche } from './support/funding-fixtures.ts';
import {
  PAIN_NAMESPACE, berlinDate, buildPain001, centsToDecimal, centsToGerman, executionDateOf, sepaText, summariseExport,
} from '../src/disbursements/disbursement-files.ts';
import { loadConfig } from '../src/config.ts';
import { parseCsv } from './support/csv.ts';

type XmlNode = ReturnType<typeof create>;
const all = (doc: XmlNode, name: string) => doc.root().filter((n) => n.node.nodeName === name, true, true);
const text = (doc: XmlNode, path: string) => textIn(doc.root(), path);
/** The text of the elements at `path` below `node`. */
const textIn = (node: XmlNode, path: string) => {
  const names = path.split('/');
  let nodes = [node];
  for (const name of names) nodes = nodes.flatMap((n) => n.filter((c) => c.node.nodeName === name, false, false));
  return nodes.map((n) => n.node.textContent ?? '');
};

/** Amounts chosen to catch float arithmetic: 0.10 + 0.20, odd cents, and large sums. */
const AMOUNTS = [10, 20, 1, 333_333, 1_234_567, 99];

async function approvedTranches() {
  const planner = await agentFor('staff');
  const approver = await agentFor('staff');
  const a = await createFellowship({ grant_cents: 5_000_000, organisation: { name: 'Bürgerstiftung Gräfenhainichen & Söhne e.V.', account_holder: null } });
  const b = await createFellowship({ grant_cents: 5_000_000, cohort_id: a.cohort_id, organisation: { name: 'Kiezküche gGmbH', iban: 'AT611904300234573201', bic: null } });
  const tranches = [];
  for (const [i, amount] of AMOUNTS.entries()) {
    tranches.push(await insertTranche({ fellowship_id: i % 2 ? b.id : a.id, amount_cents: amount, status: 'approved', created_by: planner.user.id, approved_by: approver.user.id, label: `${i + 1}. Rate „Übergang“` }));
  }
  await insertTranche({ fellowship_id: a.id, amount_cents: 500, status: 'planned', created_by: planner.user.id });
  await insertTranche({ fellowship_id: a.id, amount_cents: 700, status: 'paid', created_by: planner.user.id, approved_by: approver.user.id });
  await insertTranche({ fellowship_id: a.id, amount_cents: 900, status: 'cancelled', created_by: planner.user.id });
  return { planner, approver, a, b, cohort_id: a.cohort_id, tranches, total: AMOUNTS.reduce((s, x) => s + x, 0) };
}

describe('disbursement exports (CSV and SEPA pain.001)', () => {
  it('writes amounts exactly to the cent and SEPA-safe text', () => {
    assert.equal(centsToDecimal(1), '0.01');
    assert.equal(centsToDecimal(10 + 20), '0.30');
    assert.equal(centsToDecimal(123_456_789), '1234567.89');
    assert.equal(centsToDecimal(0), '0.00');
    assert.equal(centsToGerman(250_000), '2500,00');
    assert.throws(() => centsToDecimal(1.5));
    assert.equal(sepaText('Bürgerstiftung Gräfenhainichen & Söhne e.V.', 70), 'Buergerstiftung Graefenhainichen + Soehne e.V.');
    assert.equal(sepaText('Straße — Çağrı <x>', 70), 'Strasse - Cagri x');
    assert.equal(sepaText('Ωμέγα', 70), '-');
    assert.equal(sepaText('x'.repeat(200), 140).length, 140);
  });

  it('exports approved tranches as pain.001.001.09 XML that parses and has every required element', async () => {
    const { planner, tranches, total, b, cohort_id } = await approvedTranches();
    const res = await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id }).expect(201);
    assert.equal(res.body.tranche_count, AMOUNTS.length);
    assert.equal(res.body.total_cents, total);
    assert.equal(res.body.format, 'sepa');
    assert.ok(res.body.message_id.length <= 35);
    assert.equal(res.body.content, undefined);

    const file = await planner.agent.get(`/api/disbursement-exports/${res.body.id}/file`).buffer(true).parse((r, cb) => {
      let data = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (data += c));
      r.on('end', () => cb(null, data));
    }).expect(200);
    assert.match(file.headers['content-type'], /application\/xml/);
    assert.match(file.headers['content-disposition'], /attachment; filename="OTA-\d{8}-\d+\.xml"/);
    const xml = file.body as string;
    const doc = create(xml);
    assert.equal(doc.root().node.nodeName, 'Document');
    assert.equal((doc.root().node as any).namespaceURI, PAIN_NAMESPACE);

    const base = 'CstmrCdtTrfInitn';
    assert.deepEqual(text(doc, `${base}/GrpHdr/MsgId`), [res.body.message_id]);
    assert.match(text(doc, `${base}/GrpHdr/CreDtTm`)[0], /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    assert.deepEqual(text(doc, `${base}/GrpHdr/NbOfTxs`), [String(AMOUNTS.length)]);
    assert.deepEqual(text(doc, `${base}/GrpHdr/CtrlSum`), [centsToDecimal(total)]);
    assert.deepEqual(text(doc, `${base}/PmtInf/PmtMtd`), ['TRF']);
    assert.deepEqual(text(doc, `${base}/PmtInf/CtrlSum`), [centsToDecimal(total)]);
    assert.deepEqual(text(doc, `${base}/PmtInf/PmtTpInf/SvcLvl/Cd`), ['SEPA']);
    assert.match(text(doc, `${base}/PmtInf/ReqdExctnDt/Dt`)[0], /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(text(doc, `${base}/PmtInf/Dbtr/Nm`), ['Stiftung Buergermut']);
    assert.deepEqual(text(doc, `${base}/PmtInf/DbtrAcct/Id/IBAN`), ['DE02120300000000202051']);
    assert.deepEqual(text(doc, `${base}/PmtInf/DbtrAgt/FinInstnId/BICFI`), ['BYLADEM1001']);
    assert.deepEqual(text(doc, `${base}/PmtInf/ChrgBr`), ['SLEV']);

    const txs = all(doc, 'CdtTrfTxInf');
    assert.equal(txs.length, AMOUNTS.length);
    const amounts = all(doc, 'InstdAmt');
    assert.ok(amounts.every((n) => (n.node as any).getAttribute('Ccy') === 'EUR'));
    const sumOfXml = amounts.map((n) => n.node.textContent!).map((s) => { assert.match(s, /^\d+\.\d{2}$/); return Number(s.replace('.', '')); }).reduce((x, y) => x + y, 0);
    assert.equal(sumOfXml, total);
    assert.deepEqual(text(doc, `${base}/PmtInf/CdtTrfTxInf/PmtId/EndToEndId`).sort(), tranches.map((t) => `OTA-T${t.id}`).sort());
    const ibans = text(doc, `${base}/PmtInf/CdtTrfTxInf/CdtrAcct/Id/IBAN`);
    assert.deepEqual([...new Set(ibans)].sort(), ['AT611904300234573201', 'DE89370400440532013000']);
    const names = text(doc, `${base}/PmtInf/CdtTrfTxInf/Cdtr/Nm`);
    assert.ok(names.includes('Buergerstiftung Graefenhainichen + Soehne e.V.'), names.join('|'));
    // The Austrian fellow has no BIC stored: IBAN-only, no creditor agent.
    assert.equal(all(doc, 'CdtrAgt').length, AMOUNTS.filter((_, i) => i % 2 === 0).length);
    const remittances = text(doc, `${base}/PmtInf/CdtTrfTxInf/RmtInf/Ustrd`);
    assert.equal(remittances.length, AMOUNTS.length);
    assert.ok(remittances.every((r) => r.length <= 140 && /^[A-Za-z0-9/\-?:().,'+ ]+$/.test(r)), remittances.join('\n'));
    assert.ok(b.organisation.iban);

    const rows = await db().selectFrom('disbursements').select(['id', 'export_id', 'status']).where('status', '=', 'approved').execute();
    assert.ok(rows.every((r) => r.export_id === res.body.id));
    const stored = await db().selectFrom('disbursement_exports').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    assert.equal(stored.content, xml);
  });

  it('exports a bookkeeping CSV whose amounts add up to the batch total', async () => {
    const { planner, total, tranches, cohort_id } = await approvedTranches();
    const res = await planner.agent.post('/api/disbursement-exports').send({ format: 'csv', cohort_id }).expect(201);
    const file = await planner.agent.get(`/api/disbursement-exports/${res.body.id}/file`).expect(200);
    assert.match(file.headers['content-type'], /text\/csv/);
    const rows = parseCsv(file.text);
    const [header, ...rest] = rows;
    assert.equal(header[0], 'Tranche');
    const lines = rest.filter((r) => r[0] !== 'Summe');
    const footer = rest.find((r) => r[0] === 'Summe')!;
    const cents = header.indexOf('Betrag (Cent)');
    const euros = header.indexOf('Betrag (EUR)');
    assert.equal(lines.length, tranches.length);
    assert.equal(lines.reduce((s, r) => s + Number(r[cents]), 0), total);
    assert.equal(lines.reduce((s, r) => s + Number(r[euros].replace(',', '')), 0), total);
    assert.equal(Number(footer[cents]), total);
    assert.equal(footer[euros], centsToGerman(total));
    assert.deepEqual(lines.map((r) => Number(r[0])).sort((x, y) => x - y), tranches.map((t) => t.id).sort((x, y) => x - y));
    assert.ok(lines.some((r) => r.includes('Bürgerstiftung Gräfenhainichen & Söhne e.V.')), 'CSV keeps the real names');
  });

  it('gives the bookkeeping CSV of a SEPA batch with the same total', async () => {
    const { planner, total, cohort_id } = await approvedTranches();
    const res = await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id }).expect(201);
    const file = await planner.agent.get(`/api/disbursement-exports/${res.body.id}/file`).query({ as: 'csv' }).expect(200);
    const rows = parseCsv(file.text);
    const cents = rows[0].indexOf('Betrag (Cent)');
    assert.equal(Number(rows.at(-1)![cents]), total);
    await planner.agent.get(`/api/disbursement-exports/${res.body.id}/file`).query({ as: 'pdf' }).expect(400);
  });

  it('pays the account copied at approval: a later change of bank details neither redirects an exported tranche nor lets a reset one leave (issue 16)', async () => {
    const planner = await agentFor('staff');
    const approver = await agentFor('staff');
    const clerk = await agentFor('staff');
    const f = await createFellowship({ organisation: { name: 'Kiezladen e.V.', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', account_holder: 'Kiezladen e.V. Konto' } });
    const plan = async (amount: number) => (await planner.agent.post('/api/disbursements').send({ fellowship_id: f.id, label: 'Rate', amount_cents: amount }).expect(201)).body.id;
    const exported = await plan(1000);
    const reset = await plan(2000);
    for (const id of [exported, reset]) await approver.agent.post(`/api/disbursements/${id}/approve`).send({}).expect(200);
    const batch = await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id: f.cohort_id, disbursement_ids: [exported] }).expect(201);
    const stored = (await planner.agent.get(`/api/disbursement-exports/${batch.body.id}/file`).expect(200)).text;

    // A (fraudulent) change of the bank details after approval.
    await clerk.agent.put(`/api/organisations/${f.organisation_id}`)
      .send({ name: 'Kiezladen e.V.', iban: 'DE02120300000000202051', bic: 'BYLADEM1001', account_holder: 'Jemand Anderes' }).expect(200);

    const again = await planner.agent.get(`/api/disbursement-exports/${batch.body.id}/file`).expect(200);
    assert.equal(again.text, stored);
    const csv = parseCsv((await planner.agent.get(`/api/disbursement-exports/${batch.body.id}/file`).query({ as: 'csv' }).expect(200)).text);
    const line = csv.find((r) => r[0] === String(exported))!;
    const column = (name: string) => line[csv[0].indexOf(name)];
    assert.deepEqual([column('IBAN'), column('BIC'), column('Kontoinhaber')], ['DE89370400440532013000', 'COBADEFFXXX', 'Kiezladen e.V. Konto']);

    const before = await databaseSnapshot();
    assert.equal((await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id: f.cohort_id }).expect(409)).body.code, 'nothing_to_export');
    assert.equal((await planner.agent.post('/api/disbursement-exports').send({ format: 'csv', cohort_id: f.cohort_id, disbursement_ids: [reset] }).expect(409)).body.code, 'not_exportable');
    assert.equal(await databaseSnapshot(), before);

    // Approved afresh (not by the clerk who changed the details), it leaves with the new account.
    assert.equal((await clerk.agent.post(`/api/disbursements/${reset}/approve`).send({}).expect(403)).body.code, 'four_eyes');
    await approver.agent.post(`/api/disbursements/${reset}/approve`).send({}).expect(200);
    const next = await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id: f.cohort_id }).expect(201);
    assert.deepEqual(next.body.disbursement_ids, [reset]);
    const xml = create((await planner.agent.get(`/api/disbursement-exports/${next.body.id}/file`).expect(200)).text);
    assert.deepEqual(text(xml, 'CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/CdtrAcct/Id/IBAN'), ['DE02120300000000202051']);
    assert.deepEqual(text(xml, 'CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Cdtr/Nm'), ['Jemand Anderes']);
  });

  it('previews exactly what the export marks: count, sum and tranches equal the export result and the database, per cohort only (issue 17)', async () => {
    const { planner, approver, cohort_id, tranches, total } = await approvedTranches();
    const other = await createFellowship();
    const otherTranche = await insertTranche({ fellowship_id: other.id, amount_cents: 7_500_000 - 1, status: 'approved', created_by: planner.user.id, approved_by: approver.user.id });
    const before = await databaseSnapshot();
    const preview = (await planner.agent.get('/api/disbursements/export-preview').query({ cohort_id: String(cohort_id), format: 'csv' }).expect(200)).body;
    assert.equal(await databaseSnapshot(), before, 'the preview changes nothing');
    assert.equal(preview.tranche_count, tranches.length);
    assert.equal(preview.total_cents, total);
    assert.deepEqual(preview.disbursement_ids, tranches.map((t) => t.id).sort((x, y) => x - y));
    assert.ok(!preview.disbursement_ids.includes(otherTranche.id), 'another cohort is not in it');
    assert.equal(preview.tranches.reduce((s: number, t: any) => s + t.amount_cents, 0), preview.total_cents);
    assert.deepEqual(preview.bank_problems, []);

    const batch = (await planner.agent.post('/api/disbursement-exports').send({ format: 'csv', cohort_id }).expect(201)).body;
    assert.equal(batch.tranche_count, preview.tranche_count);
    assert.equal(batch.total_cents, preview.total_cents);
    assert.equal(batch.execution_date, preview.execution_date);
    assert.deepEqual(batch.execution_dates, preview.execution_dates);
    assert.deepEqual([...batch.disbursement_ids].sort((x: number, y: number) => x - y), preview.disbursement_ids);

    const marked = await db().selectFrom('disbursements').select(['id', 'amount_cents']).where('export_id', '=', batch.id).orderBy('id').execute();
    assert.deepEqual(marked.map((r) => r.id), preview.disbursement_ids);
    assert.equal(marked.reduce((s, r) => s + Number(r.amount_cents), 0), preview.total_cents);
    const stored = await db().selectFrom('disbursement_exports').select(['tranche_count', 'total_cents', 'cohort_id']).where('id', '=', batch.id).executeTakeFirstOrThrow();
    assert.deepEqual([stored.tranche_count, Number(stored.total_cents), stored.cohort_id], [preview.tranche_count, preview.total_cents, cohort_id]);
    assert.equal((await db().selectFrom('disbursements').select('export_id').where('id', '=', otherTranche.id).executeTakeFirstOrThrow()).export_id, null);

    // Afterwards the preview of that cohort is empty, the other cohort's is untouched.
    const empty = (await planner.agent.get('/api/disbursements/export-preview').query({ cohort_id: String(cohort_id), format: 'sepa' }).expect(200)).body;
    assert.deepEqual([empty.tranche_count, empty.total_cents, empty.tranches], [0, 0, []]);
    const rest = (await planner.agent.get('/api/disbursements/export-preview').query({ cohort_id: String(other.cohort_id), format: 'sepa' }).expect(200)).body;
    assert.deepEqual([rest.tranche_count, rest.total_cents, rest.disbursement_ids], [1, 7_500_000 - 1, [otherTranche.id]]);
  });

  it('never asks the bank to pay before the due date nor in the past: one payment block per execution date (issue 17)', async () => {
    const planner = await agentFor('staff');
    const approver = await agentFor('staff');
    const f = await createFellowship({ grant_cents: 5_000_000 });
    const today = berlinDate(new Date());
    const inDays = (days: number) => berlinDate(new Date(Date.now() + days * 86_400_000));
    const due = { past: inDays(-40), today, soon: inDays(10), later: inDays(30) };
    const ids: Record<string, number> = {};
    for (const [key, dueOn] of Object.entries(due)) {
      const t = await insertTranche({ fellowship_id: f.id, amount_cents: 1000, status: 'approved', created_by: planner.user.id, approved_by: approver.user.id, label: key, due_on: dueOn });
      ids[key] = t.id;
    }
    const noDue = await insertTranche({ fellowship_id: f.id, amount_cents: 500, status: 'approved', created_by: planner.user.id, approved_by: approver.user.id, label: 'ohne', due_on: null });

    // Default: from today; each tranche on max(today, its due date).
    const preview = (await planner.agent.get('/api/disbursements/export-preview').query({ cohort_id: String(f.cohort_id), format: 'sepa' }).expect(200)).body;
    assert.equal(preview.execution_date, due.later);
    assert.deepEqual(preview.execution_dates, [
      { execution_date: today, tranche_count: 3, total_cents: 2500 },
      { execution_date: due.soon, tranche_count: 1, total_cents: 1000 },
      { execution_date: due.later, tranche_count: 1, total_cents: 1000 },
    ]);
    // A requested date after some due dates moves those, not the later ones.
    const requested = inDays(20);
    const moved = (await planner.agent.get('/api/disbursements/export-preview').query({ cohort_id: String(f.cohort_id), format: 'sepa', execution_date: requested }).expect(200)).body;
    assert.deepEqual(moved.execution_dates.map((g: any) => [g.execution_date, g.tranche_count]), [[requested, 4], [due.later, 1]]);

    const batch = (await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id: f.cohort_id }).expect(201)).body;
    assert.equal(batch.execution_date, due.later);
    assert.deepEqual(batch.execution_dates, preview.execution_dates);
    const doc = create((await planner.agent.get(`/api/disbursement-exports/${batch.id}/file`).expect(200)).text);
    const blocks = doc.root().filter((n) => n.node.nodeName === 'PmtInf', true, true);
    const dateOf: Record<string, string> = {};
    for (const block of blocks) {
      const date = textIn(block, 'ReqdExctnDt/Dt')[0];
      assert.ok(date >= today, `${date} is not in the past`);
      for (const e2e of block.filter((n) => n.node.nodeName === 'EndToEndId', true, true)) dateOf[e2e.node.textContent!] = date;
      const amounts = block.filter((n) => n.node.nodeName === 'InstdAmt', true, true).map((n) => Math.round(Number(n.node.textContent) * 100));
      assert.equal(textIn(block, 'NbOfTxs')[0], String(amounts.length));
      assert.equal(textIn(block, 'CtrlSum')[0], centsToDecimal(amounts.reduce((s, x) => s + x, 0)));
    }
    assert.deepEqual(text(doc, 'CstmrCdtTrfInitn/GrpHdr/NbOfTxs'), ['5']);
    assert.equal(dateOf[`OTA-T${ids.past}`], today, 'an overdue tranche goes out today, not in the past');
    assert.equal(dateOf[`OTA-T${ids.today}`], today);
    assert.equal(dateOf[`OTA-T${noDue.id}`], today);
    assert.equal(dateOf[`OTA-T${ids.soon}`], due.soon, 'a tranche due in the future is not paid early');
    assert.equal(dateOf[`OTA-T${ids.later}`], due.later);
    const pmtInfIds = blocks.map((b) => textIn(b, 'PmtInfId')[0]);
    assert.equal(new Set(pmtInfIds).size, 3);
    assert.ok(pmtInfIds.every((id) => id.length <= 35));
  });

  it('builds one payment block per execution date in the pure builder', () => {
    const header = { id: 3, message_id: 'OTA-20261126-3', created_at: new Date('2026-11-26T10:00:00Z'), execution_date: '2026-11-27' };
    const line = (id: number, due_on: string | null) => ({
      id, label: 'Rate', amount_cents: 100 * id, due_on, cohort_name: 'Jahrgang 2026', organisation_name: 'Verein', account_holder: null,
      iban: 'DE89370400440532013000', bic: null, milestone_title: null, approved_at: null, approved_by_name: null,
    });
    const lines = [line(1, '2026-01-01'), line(2, '2026-12-24'), line(3, null), line(4, '2026-11-27')];
    assert.equal(executionDateOf(lines[0], header.execution_date), '2026-11-27');
    assert.equal(executionDateOf(lines[1], header.execution_date), '2026-12-24');
    const summary = summariseExport(lines, header.execution_date);
    assert.deepEqual(summary, {
      tranche_count: 4, total_cents: 1000, execution_date: '2026-12-24',
      execution_dates: [{ execution_date: '2026-11-27', tranche_count: 3, total_cents: 800 }, { execution_date: '2026-12-24', tranche_count: 1, total_cents: 200 }],
    });
    const doc = create(buildPain001(header, { name: 'Stiftung', iban: 'DE02120300000000202051', bic: 'BYLADEM1001' }, lines));
    assert.deepEqual(text(doc, 'CstmrCdtTrfInitn/PmtInf/ReqdExctnDt/Dt'), ['2026-11-27', '2026-12-24']);
    assert.deepEqual(text(doc, 'CstmrCdtTrfInitn/PmtInf/PmtInfId'), ['OTA-20261126-3-1', 'OTA-20261126-3-2']);
    assert.deepEqual(text(doc, 'CstmrCdtTrfInitn/PmtInf/CtrlSum'), ['8.00', '2.00']);
    assert.deepEqual(text(doc, 'CstmrCdtTrfInitn/GrpHdr/CtrlSum'), ['10.00']);
  });

  it('never puts a tranche into two batches', async () => {
    const { planner, approver, a, cohort_id } = await approvedTranches();
    const first = await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id }).expect(201);
    const before = await databaseSnapshot();
    const again = await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id }).expect(409);
    assert.equal(again.body.code, 'nothing_to_export');
    const csv = await planner.agent.post('/api/disbursement-exports').send({ format: 'csv', cohort_id }).expect(409);
    assert.equal(csv.body.code, 'nothing_to_export');
    assert.equal(await databaseSnapshot(), before);
    const late = await insertTranche({ fellowship_id: a.id, amount_cents: 4242, status: 'approved', created_by: planner.user.id, approved_by: approver.user.id });
    const second = await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id }).expect(201);
    assert.equal(second.body.tranche_count, 1);
    assert.deepEqual(second.body.disbursement_ids, [late.id]);
    assert.notEqual(second.body.message_id, first.body.message_id);
    const list = await planner.agent.get('/api/disbursement-exports').query(listQuery({ sort: ['id', 'ASC'] })).expect(200);
    assert.deepEqual(list.body.map((e: any) => e.id), [first.body.id, second.body.id]);
    assert.equal(list.body[0].created_by_name, planner.user.name);
  });

  it('never puts a tranche into two batches when exports run in parallel', async () => {
    const { planner, total, cohort_id } = await approvedTranches();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => planner.agent.post('/api/disbursement-exports').send({ format: i % 2 ? 'csv' : 'sepa', cohort_id })));
    const ok = results.filter((r) => r.status === 201);
    assert.ok(results.every((r) => r.status === 201 || r.status === 409), results.map((r) => r.status).join(','));
    assert.equal(ok.reduce((s, r) => s + r.body.tranche_count, 0), AMOUNTS.length);
    assert.equal(ok.reduce((s, r) => s + r.body.total_cents, 0), total);
    const ids = ok.flatMap((r) => r.body.disbursement_ids);
    assert.equal(new Set(ids).size, ids.length);
    const events = await db().selectFrom('audit_events').select('record_id').where('action', '=', 'export').execute();
    assert.equal(events.length, AMOUNTS.length);
  });

  it('exports only the chosen cohort or tranches, and refuses ones that are not exportable', async () => {
    const { planner, approver, tranches, a } = await approvedTranches();
    const other = await createFellowship();
    const otherTranche = await insertTranche({ fellowship_id: other.id, amount_cents: 5555, status: 'approved', created_by: planner.user.id, approved_by: approver.user.id });
    const planned = await insertTranche({ fellowship_id: other.id, amount_cents: 1, status: 'planned', created_by: planner.user.id });
    const before = await databaseSnapshot();
    const refused = await planner.agent.post('/api/disbursement-exports').send({ format: 'csv', cohort_id: other.cohort_id, disbursement_ids: [otherTranche.id, planned.id] }).expect(409);
    assert.equal(refused.body.code, 'not_exportable');
    assert.match(refused.body.message, new RegExp(String(planned.id)));
    // A tranche of another cohort is not exportable with this cohort.
    const foreign = await planner.agent.post('/api/disbursement-exports').send({ format: 'csv', cohort_id: a.cohort_id, disbursement_ids: [tranches[0].id, otherTranche.id] }).expect(409);
    assert.equal(foreign.body.code, 'not_exportable');
    assert.equal(await databaseSnapshot(), before);
    const chosen = await planner.agent.post('/api/disbursement-exports').send({ format: 'csv', cohort_id: a.cohort_id, disbursement_ids: [tranches[0].id, tranches[0].id] }).expect(201);
    assert.deepEqual(chosen.body.disbursement_ids, [tranches[0].id]);
    const cohort = await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id: a.cohort_id }).expect(201);
    assert.equal(cohort.body.tranche_count, tranches.length - 1);
    assert.equal(cohort.body.cohort_id, a.cohort_id);
    assert.equal((await db().selectFrom('disbursements').select('export_id').where('id', '=', otherTranche.id).executeTakeFirstOrThrow()).export_id, null);
    const rest = await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id: other.cohort_id }).expect(201);
    assert.deepEqual(rest.body.disbursement_ids, [otherTranche.id]);
  });

  it('refuses a batch with a missing or checksum-invalid IBAN and changes nothing', async () => {
    const planner = await agentFor('staff');
    const approver = await agentFor('staff');
    // The organisation API refuses such IBANs; these come from an old import straight into the table.
    const bad = await createFellowship({ organisation: { name: 'Altdaten e.V.', iban: 'DE89370400440532013001' } });
    const none = await createFellowship({ cohort_id: bad.cohort_id, organisation: { name: 'Ohne Konto e.V.', iban: null } });
    const badBic = await createFellowship({ cohort_id: bad.cohort_id, organisation: { name: 'BIC-Tippfehler e.V.', bic: 'COBADEF' } });
    const outside = await createFellowship({ cohort_id: bad.cohort_id, organisation: { name: 'Übersee Trust', iban: 'BR1800360305000010009795493C1', bic: null } });
    for (const f of [bad, none, badBic, outside]) {
      await insertTranche({ fellowship_id: f.id, amount_cents: 1000, status: 'approved', created_by: planner.user.id, approved_by: approver.user.id });
    }
    const before = await databaseSnapshot();
    // The preview names the same problems, so the confirmation can show them before anyone clicks.
    const preview = (await planner.agent.get('/api/disbursements/export-preview').query({ cohort_id: String(bad.cohort_id), format: 'sepa' }).expect(200)).body;
    assert.equal(preview.tranche_count, 4);
    for (const name of ['Altdaten e.V.', 'Ohne Konto e.V.', 'BIC-Tippfehler e.V.', 'Übersee Trust']) assert.ok(preview.bank_problems.some((p: string) => p.startsWith(name)), name);
    const res = await planner.agent.post('/api/disbursement-exports').send({ format: 'sepa', cohort_id: bad.cohort_id }).expect(409);
    assert.equal(res.body.code, 'bank_data');
    for (const name of ['Altdaten e.V.', 'Ohne Konto e.V.', 'BIC-Tippfehler e.V.', 'Übersee Trust']) assert.match(res.body.message, new RegExp(name.replace('.', '\\.')));
    assert.equal(await databaseSnapshot(), before);
    const put = await planner.agent.put(`/api/organisations/${bad.organisation_id}`).send({ name: 'Altdaten e.V.', iban: 'DE89 3704 0044 0532 0130 01' }).expect(400);
    assert.ok(put.body.errors.iban);
    await planner.agent.put(`/api/organisations/${bad.organisation_id}`).send({ name: 'Altdaten e.V.', iban: 'DE89 3704 0044 0532 0130 00' }).expect(200);
  });

  it('rejects bad export input and other roles with 4xx and changes nothing', async () => {
    const { planner, cohort_id } = await approvedTranches();
    const applicant = await agentFor('applicant');
    const coach = await agentFor('coach');
    const jury = await agentFor('jury');
    const before = await databaseSnapshot();
    const cases: unknown[] = [
      {}, { format: 'pdf', cohort_id }, { format: 42, cohort_id }, { format: 'sepa', cohort_id: 'eins' }, { format: 'sepa', cohort_id: 999_999 },
      { format: 'sepa' }, { format: 'csv' }, { format: 'sepa', cohort_id: null }, { format: 'sepa', cohort_id: 0 },
      { format: 'sepa', cohort_id, disbursement_ids: [] }, { format: 'sepa', cohort_id, disbursement_ids: ['1'] }, { format: 'sepa', cohort_id, disbursement_ids: Array(1001).fill(1) },
      { format: 'sepa', cohort_id, execution_date: '2000-01-01' }, { format: 'sepa', cohort_id, execution_date: 'morgen' }, { format: 'x'.repeat(100_000) }, [1],
    ];
    for (const body of cases) {
      const res = await planner.agent.post('/api/disbursement-exports').send(body as any);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
    }
    const missing = await planner.agent.post('/api/disbursement-exports').send({ format: 'csv' }).expect(400);
    assert.ok(missing.body.errors.cohort_id, JSON.stringify(missing.body));
    for (const query of [{}, { format: 'csv' }, { cohort_id: String(cohort_id) }, { format: 'csv', cohort_id: 'eins' }, { format: 'pdf', cohort_id: String(cohort_id) },
      { format: 'csv', cohort_id: String(cohort_id), execution_date: '2000-01-01' }, { format: 'csv', cohort_id: String(cohort_id), extra: '1' }, { format: 'csv', cohort_id: '999999' }]) {
      const res = await planner.agent.get('/api/disbursements/export-preview').query(query);
      assert.equal(res.status, 400, JSON.stringify(query));
    }
    await planner.agent.post('/api/disbursement-exports').set('Content-Type', 'application/json').send('{"format":').expect(400);
    await planner.agent.get('/api/disbursement-exports/999999/file').expect(404);
    await planner.agent.get('/api/disbursement-exports/x/file').expect(404);
    await planner.agent.get('/api/disbursement-exports/999999').expect(404);
    await planner.agent.put('/api/disbursement-exports/1').send({}).expect(404);
    for (const other of [applicant, coach, jury]) {
      await other.agent.post('/api/disbursement-exports').send({ format: 'sepa' }).expect(403);
      await other.agent.get('/api/disbursement-exports').expect(403);
      await other.agent.get('/api/disbursement-exports/1/file').expect(403);
      await other.agent.get('/api/disbursements/export-preview').query({ format: 'csv', cohort_id: String(cohort_id) }).expect(403);
    }
    assert.equal(await databaseSnapshot(), before);
  });

  it('refuses to start with an invalid payer IBAN or BIC', () => {
    assert.throws(() => loadConfig({ PAYER_IBAN: 'DE02120300000000202052' }), /PAYER_IBAN/);
    assert.throws(() => loadConfig({ PAYER_BIC: 'XYZ' }), /PAYER_BIC/);
    const ok = loadConfig({ PAYER_IBAN: 'de89 3704 0044 0532 0130 00', PAYER_NAME: 'Förderverein' });
    assert.equal(ok.PAYER_IBAN, 'DE89370400440532013000');
  });

  it('builds the same XML for the same data (pure builder)', () => {
    const header = { id: 1, message_id: 'OTA-20261126-1', created_at: new Date('2026-11-26T10:00:00Z'), execution_date: '2026-11-27' };
    const line = {
      id: 7, label: 'Rate', amount_cents: 250_000, due_on: null, cohort_name: 'Jahrgang 2026', organisation_name: 'Verein', account_holder: null,
      iban: 'DE89370400440532013000', bic: null, milestone_title: null, approved_at: null, approved_by_name: null,
    };
    const payer = { name: 'Stiftung', iban: 'DE02120300000000202051', bic: 'BYLADEM1001' };
    const xml = buildPain001(header, payer, [line]);
    assert.equal(xml, buildPain001(header, payer, [line]));
    assert.match(xml, /<CreDtTm>2026-11-26T11:00:00<\/CreDtTm>/);
    assert.match(xml, /<InstdAmt Ccy="EUR">2500.00<\/InstdAmt>/);
  });
});
