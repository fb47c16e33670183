import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentFor, api, createUser, databaseSnapshot, db, listQuery } from './support/fixtures.ts';
import { createApplication, createCohort, createCriteria, createJurors, insertReview, submittedReview } from './support/jury.ts';
import { computeRankings, meanAndStd, reviewScore, zScore, type ScoredReview } from '../../backend/src/rankings/rankings.maths.ts';

const close = (actual: number | null, expected: number, label = '') => {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-6, `${label}: ${actual} ≠ ${expected}`);
};

describe('ranking maths (pure functions, hand-computed)', () => {
  const criteria = [
    { id: 1, weight: 2, max_score: 5 },
    { id: 2, weight: 1, max_score: 5 },
    { id: 3, weight: 1, max_score: 10 },
  ];

  it('weights each criterion by weight·score/max_score on a 0–100 scale', () => {
    // (2·4/5 + 1·3/5 + 1·5/10) / (2+1+1) · 100 = (1.6 + 0.6 + 0.5) / 4 · 100 = 67.5
    close(reviewScore(criteria, [{ criterion_id: 1, score: 4 }, { criterion_id: 2, score: 3 }, { criterion_id: 3, score: 5 }]), 67.5);
    close(reviewScore(criteria, [{ criterion_id: 1, score: 5 }, { criterion_id: 2, score: 5 }, { criterion_id: 3, score: 10 }]), 100);
    close(reviewScore(criteria, [{ criterion_id: 1, score: 0 }, { criterion_id: 2, score: 0 }, { criterion_id: 3, score: 0 }]), 0);
  });

  it('leaves unscored and unknown criteria out of both sums', () => {
    // only criterion 1: 2·4/5 / 2 · 100 = 80
    close(reviewScore(criteria, [{ criterion_id: 1, score: 4 }, { criterion_id: 2, score: null }, { criterion_id: 99, score: 5 }]), 80);
    assert.equal(reviewScore(criteria, []), null);
  });

  it('computes population z-scores per juror, 0 for a single review or no variation', () => {
    const { mean, std } = meanAndStd([40, 60, 80]);
    close(mean, 60);
    close(std, Math.sqrt(800 / 3));
    close(zScore(80, [40, 60, 80]), 20 / Math.sqrt(800 / 3)); // 1.224745
    assert.equal(zScore(70, [70]), 0);
    assert.equal(zScore(50, [50, 50, 50]), 0);
  });

  it('lets a harsh and a lenient juror count alike, flags disagreement and ranks without reviews last', () => {
    const one = [{ id: 1, weight: 1, max_score: 10 }];
    const r = (application_id: number, juror_id: number, score: number, recommendation: ScoredReview['recommendation'] = 'maybe'): ScoredReview =>
      ({ application_id, juror_id, recommendation, scores: [{ criterion_id: 1, score }] });
    // Harsh juror 1: 40, 20, 30 (mean 30); lenient juror 2: 90, 70, 80 (mean 80). Both std √(200/3).
    const rows = computeRankings([1, 2, 3, 4], one, [r(1, 1, 4), r(2, 1, 2), r(3, 1, 3), r(1, 2, 9), r(2, 2, 7), r(3, 2, 8)]);
    const z = 10 / Math.sqrt(200 / 3); // 1.224745
    const [a, b, c, d] = rows;
    close(a.weighted_score, 65, 'app1 weighted');
    close(a.normalised_score, z, 'app1 z');
    close(a.spread, 50, 'app1 spread');
    assert.equal(a.disagreement, true);
    assert.equal(a.rank, 1);
    close(b.weighted_score, 45);
    close(b.normalised_score, -z);
    assert.equal(b.rank, 3);
    close(c.weighted_score, 55);
    close(c.normalised_score, 0);
    assert.equal(c.rank, 2);
    assert.deepEqual(d, { application_id: 4, review_count: 0, weighted_score: null, normalised_score: null, spread: null, disagreement: false, rank: null });
  });

  it('gives tied applications the same rank and skips the next (1, 1, 3)', () => {
    const one = [{ id: 1, weight: 1, max_score: 10 }];
    const rows = computeRankings([1, 2, 3], one, [
      { application_id: 1, juror_id: 7, recommendation: 'yes', scores: [{ criterion_id: 1, score: 8 }] },
      { application_id: 2, juror_id: 7, recommendation: 'yes', scores: [{ criterion_id: 1, score: 8 }] },
      { application_id: 3, juror_id: 7, recommendation: 'no', scores: [{ criterion_id: 1, score: 4 }] },
    ]);
    // scores 80, 80, 40: mean 66.67, std √(3200/9) = 18.856; z(80) = 0.7071, z(40) = −1.4142
    assert.deepEqual(rows.map((x) => x.rank), [1, 1, 3]);
    close(rows[0].normalised_score, Math.SQRT1_2);
    close(rows[2].normalised_score, -Math.SQRT2);
  });

  it('flags opposite recommendations as disagreement even with close scores', () => {
    const one = [{ id: 1, weight: 1, max_score: 10 }];
    const rows = computeRankings([1], one, [
      { application_id: 1, juror_id: 1, recommendation: 'yes', scores: [{ criterion_id: 1, score: 6 }] },
      { application_id: 1, juror_id: 2, recommendation: 'no', scores: [{ criterion_id: 1, score: 5 }] },
    ]);
    close(rows[0].spread, 10);
    assert.equal(rows[0].disagreement, true);
    assert.equal(rows[0].review_count, 2);
  });
});

describe('rankings API', () => {
  async function harshAndLenient() {
    const cohort = await createCohort('review');
    const [criterion] = await createCriteria(cohort.id, [{ weight: 1, max_score: 10 }]);
    const apps: Awaited<ReturnType<typeof createApplication>>[] = [];
    for (let i = 0; i < 4; i++) apps.push(await createApplication(cohort.id));
    const [harsh, lenient, slow] = await createJurors(3);
    const points: Array<[number, number, number]> = [[0, harsh.id, 4], [1, harsh.id, 2], [2, harsh.id, 3], [0, lenient.id, 9], [1, lenient.id, 7], [2, lenient.id, 8]];
    for (const [app, juror, p] of points) await submittedReview(apps[app].id, juror, [criterion], [p]);
    // In progress and conflicted reviews never count.
    await insertReview(apps[3].id, slow.id, { scores: [{ criterion_id: criterion.id, score: 10 }] });
    await insertReview(apps[2].id, slow.id, { scores: [{ criterion_id: criterion.id, score: 0 }], status: 'conflict', submitted_at: new Date() });
    return { cohort, criterion, apps, harsh, lenient, slow };
  }

  it('ranks a cohort in the SQL exactly as the hand-computed example', async () => {
    const { agent } = await agentFor('staff');
    const { cohort, apps } = await harshAndLenient();
    const res = await agent.get('/api/rankings').query(listQuery({ filter: { cohort_id: cohort.id } })).expect(200);
    assert.equal(res.headers['content-range'], 'rankings 0-3/4');
    const z = 10 / Math.sqrt(200 / 3);
    assert.deepEqual(res.body.map((r: any) => [r.id, r.rank]), [[apps[0].id, 1], [apps[2].id, 2], [apps[1].id, 3], [apps[3].id, null]]);
    const top = res.body[0];
    close(top.weighted_score, 65);
    close(top.normalised_score, z);
    close(top.spread, 50);
    assert.equal(top.disagreement, true);
    assert.equal(top.review_count, 2);
    assert.equal(top.application_id, apps[0].id);
    const missing = res.body[3];
    assert.equal(missing.review_count, 0);
    assert.equal(missing.assigned_count, 1);
    assert.equal(missing.weighted_score, null);
  });

  it('matches the pure functions on a cohort with weighted criteria, ties and missing reviews', async () => {
    const { agent } = await agentFor('admin');
    const cohort = await createCohort('selection');
    const criteria = await createCriteria(cohort.id, [{ weight: 3, max_score: 5 }, { weight: 1.5, max_score: 5 }, { weight: 1, max_score: 10 }]);
    const jurors = await createJurors(4);
    const apps: Awaited<ReturnType<typeof createApplication>>[] = [];
    for (let i = 0; i < 12; i++) apps.push(await createApplication(cohort.id));
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const reviews: ScoredReview[] = [];
    for (const [i, app] of apps.entries()) {
      if (i === 11) continue; // no reviews at all
      for (const [j, juror] of jurors.entries()) {
        if (i < 9 && (i + j) % 4 === 3) continue;
        // apps 9 and 10 get identical reviews from every juror: a tie
        const points = i >= 9 ? [4, 4, 7] : [rand(6), rand(6), rand(11)];
        const recommendation = (['yes', 'maybe', 'no'] as const)[rand(3)];
        if (i >= 9) points.splice(0, 3, 4, 4, 7);
        await submittedReview(app.id, juror.id, criteria, points, i >= 9 ? 'maybe' : recommendation);
        reviews.push({ application_id: app.id, juror_id: juror.id, recommendation: i >= 9 ? 'maybe' : recommendation, scores: criteria.map((c, k) => ({ criterion_id: c.id, score: points[k] })) });
      }
    }
    const expected = computeRankings(apps.map((a) => a.id), criteria.map((c) => ({ id: c.id, weight: Number(c.weight), max_score: c.max_score })), reviews);
    const res = await agent.get('/api/rankings').query(listQuery({ filter: { cohort_id: cohort.id }, sort: ['id', 'ASC'] })).expect(200);
    assert.equal(res.body.length, 12);
    for (const [i, row] of res.body.entries()) {
      const e = expected[i];
      assert.equal(row.id, e.application_id);
      assert.equal(row.review_count, e.review_count, `review_count of ${row.id}: ${JSON.stringify(row)} ${JSON.stringify(e)}`);
      assert.equal(row.rank, e.rank, `rank of ${row.id}`);
      assert.equal(row.disagreement, e.disagreement, `disagreement of ${row.id}`);
      for (const key of ['weighted_score', 'normalised_score', 'spread'] as const) {
        if (e[key] === null) assert.equal(row[key], null);
        else close(row[key], e[key]!, `${key} of ${row.id}`);
      }
    }
    const tied = res.body.filter((r: any) => r.id === apps[9].id || r.id === apps[10].id);
    assert.equal(tied[0].rank, tied[1].rank);
  });

  it('re-scores submitted reviews when a criterion changes', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort('review');
    const criteria = await createCriteria(cohort.id, [{ weight: 1, max_score: 5 }, { weight: 1, max_score: 5 }]);
    const app = await createApplication(cohort.id);
    const [juror] = await createJurors(1);
    await submittedReview(app.id, juror.id, criteria, [5, 1]);
    close((await agent.get(`/api/rankings/${app.id}`).expect(200)).body.weighted_score, 60); // (1 + 0.2) / 2
    await db().updateTable('criteria').set({ weight: 3 }).where('id', '=', criteria[0].id).execute();
    close((await agent.get(`/api/rankings/${app.id}`).expect(200)).body.weighted_score, 80); // (3 + 0.2) / 4
    await db().deleteFrom('criteria').where('id', '=', criteria[1].id).execute();
    close((await agent.get(`/api/rankings/${app.id}`).expect(200)).body.weighted_score, 100);
  });

  it('sorts, filters and pages rankings', async () => {
    const { agent } = await agentFor('staff');
    const { cohort, apps } = await harshAndLenient();
    const byScore = await agent.get('/api/rankings').query(listQuery({ filter: { cohort_id: cohort.id }, sort: ['weighted_score', 'DESC'], range: [0, 1] })).expect(200);
    assert.equal(byScore.headers['content-range'], 'rankings 0-1/4');
    const flagged = await agent.get('/api/rankings').query(listQuery({ filter: { cohort_id: cohort.id, disagreement: true }, sort: ['rank', 'ASC'] })).expect(200);
    assert.deepEqual(flagged.body.map((r: any) => r.id), [apps[0].id, apps[2].id, apps[1].id]);
    const reviewed = await agent.get('/api/rankings').query(listQuery({ filter: { cohort_id: cohort.id, review_count_gte: 1, weighted_score_gt: 50 } })).expect(200);
    assert.deepEqual(reviewed.body.map((r: any) => r.id), [apps[0].id, apps[2].id]);
  });

  it('shows the per-juror breakdown of submitted reviews only', async () => {
    const { agent } = await agentFor('staff');
    const { apps, harsh, lenient } = await harshAndLenient();
    const res = await agent.get(`/api/rankings/${apps[2].id}`).expect(200);
    assert.equal(res.body.rank, 2);
    assert.deepEqual(res.body.reviews.map((r: any) => r.juror_id).sort(), [harsh.id, lenient.id].sort());
    const lenientReview = res.body.reviews.find((r: any) => r.juror_id === lenient.id);
    close(lenientReview.score, 80);
    close(lenientReview.z, 0);
    assert.equal(lenientReview.juror_name, lenient.name);
    const none = await agent.get(`/api/rankings/${apps[3].id}`).expect(200);
    assert.deepEqual(none.body.reviews, []);
  });

  it('exports the ranking as German CSV', async () => {
    const { agent } = await agentFor('staff');
    const { cohort, apps } = await harshAndLenient();
    const res = await agent.get('/api/rankings/export.csv').query(listQuery({ filter: { cohort_id: cohort.id } })).buffer(true).parse((r, cb) => {
      let data = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => (data += chunk));
      r.on('end', () => cb(null, data));
    }).expect(200);
    assert.match(res.headers['content-type'], /text\/csv/);
    const lines = (res.body as string).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.equal(lines.length, 5);
    assert.match(lines[0], /^Rang;Bewerbung;Organisation/);
    assert.match(lines[1], new RegExp(`^1;${apps[0].id};`));
    assert.ok(lines[1].includes(';65,00;'), lines[1]);
    assert.ok(lines[1].endsWith(';ja'));
    assert.match(lines[4], new RegExp(`^;${apps[3].id};`));
  });

  it('reports jury progress per juror', async () => {
    const { agent } = await agentFor('staff');
    const { cohort, harsh, slow } = await harshAndLenient();
    const res = await agent.get(`/api/cohorts/${cohort.id}/jury-progress`).expect(200);
    const h = res.body.find((r: any) => r.juror_id === harsh.id);
    assert.deepEqual([h.assigned, h.started, h.submitted, h.conflicted], [3, 0, 3, 0]);
    const s = res.body.find((r: any) => r.juror_id === slow.id);
    assert.deepEqual([s.assigned, s.started, s.submitted, s.conflicted], [1, 1, 0, 1]);
    await agent.get('/api/cohorts/999999/jury-progress').expect(404);
  });

  it('rejects bad ranking queries and other roles, changing nothing', async () => {
    const { agent } = await agentFor('staff');
    const { cohort, apps } = await harshAndLenient();
    const before = await databaseSnapshot();
    const bad: Array<Record<string, string>> = [
      listQuery({}),
      listQuery({ filter: { cohort_id: 'abc' } }),
      listQuery({ filter: { cohort_id: [cohort.id, 2] } }),
      listQuery({ filter: { cohort_id: cohort.id }, sort: ['password', 'ASC'] }),
      listQuery({ filter: { cohort_id: cohort.id, secret: 1 } }),
      listQuery({ filter: { cohort_id: cohort.id }, range: [0, 5000] }),
      { filter: '{"cohort_id":' },
      { filter: JSON.stringify({ cohort_id: cohort.id }), evil: '1' },
    ];
    for (const query of bad) {
      const res = await agent.get('/api/rankings').query(query);
      assert.equal(res.status, 400, JSON.stringify(query));
      await agent.get('/api/rankings/export.csv').query(query).expect(400);
    }
    await agent.get('/api/rankings/999999').expect(404);
    await agent.get('/api/rankings/abc').expect(404);
    const draft = await createApplication(cohort.id, { status: 'draft' });
    await agent.get(`/api/rankings/${draft.id}`).expect(404);
    const empty = await agent.get('/api/rankings').query(listQuery({ filter: { cohort_id: 999999 } })).expect(200);
    assert.deepEqual(empty.body, []);
    for (const role of ['jury', 'coach', 'applicant'] as const) {
      const { agent: other } = await agentFor(role);
      await other.get('/api/rankings').query(listQuery({ filter: { cohort_id: cohort.id } })).expect(403);
      await other.get(`/api/rankings/${apps[0].id}`).expect(403);
      await other.get('/api/rankings/export.csv').query(listQuery({ filter: { cohort_id: cohort.id } })).expect(403);
      await other.get(`/api/cohorts/${cohort.id}/jury-progress`).expect(403);
    }
    await api().get('/api/rankings').query(listQuery({ filter: { cohort_id: cohort.id } })).expect(401);
    await createUser('staff');
    await db_unchanged(before);
  });
});

async function db_unchanged(before: string) {
  // agentFor() and the draft application above add rows; compare only the jury tables.
  const after = await databaseSnapshot();
  const pick = (s: string) => s.split('\n').filter((l) => /^(reviews|conflicts|criteria|audit_events):/.test(l)).join('\n');
  assert.equal(pick(after), pick(before));
}

describe('one ranking everywhere (console API, CSV, selection.pdf)', () => {
  const text = (res: any, cb: (e: Error | null, body: string) => void) => {
    let data = '';
    res.setEncoding('utf8');
    res.on('data', (c: string) => (data += c));
    res.on('end', () => cb(null, data));
  };
  const bytes = (res: any, cb: (e: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  };

  /**
   * A cohort where the normalised and the weighted order differ: a harsh juror scores A, B, C
   * 4, 2, 3 and a lenient one D, E, F 9, 7, 8 (of 10). G has one of its two reviews, H none.
   */
  async function harshLenientPartial() {
    const cohort = await createCohort('selection');
    const [criterion] = await createCriteria(cohort.id, [{ weight: 1, max_score: 10 }]);
    const [harsh, lenient, single, slow] = await createJurors(4);
    const names = ['Alpha Ärztehilfe e.V.', 'Beta Bürgerhaus e.V.', 'Gamma Grünzug e.V.', 'Delta Dorfladen e.V.', 'Epsilon Eltern e.V.', 'Zeta Zukunft e.V.', 'Eta Ehrenamt gGmbH', 'Theta Tafel e.V.'];
    const apps = [];
    for (const name of names) {
      const app = await createApplication(cohort.id, { status: 'shortlisted' });
      await db().updateTable('organisations').set({ name }).where('id', '=', app.organisation_id).execute();
      apps.push({ ...app, name });
    }
    const [A, B, C, D, E, F, G, H] = apps;
    for (const [app, points] of [[A, 4], [B, 2], [C, 3]] as const) await submittedReview(app.id, harsh.id, [criterion], [points]);
    for (const [app, points] of [[D, 9], [E, 7], [F, 8]] as const) await submittedReview(app.id, lenient.id, [criterion], [points]);
    await submittedReview(G.id, single.id, [criterion], [5]);
    await insertReview(G.id, slow.id);
    await insertReview(H.id, slow.id);
    return { cohort, apps, byName: new Map(apps.map((a) => [a.id, a.name])) };
  }

  it('orders and flags the same applications the same way in the API, the CSV and selection.pdf', async () => {
    const { agent } = await agentFor('staff');
    const { cohort, apps, byName } = await harshLenientPartial();
    const filter = { cohort_id: cohort.id };

    const listed = await agent.get('/api/rankings').query(listQuery({ filter, sort: ['rank', 'ASC'], range: [0, 99] })).expect(200);
    const apiOrder = listed.body.map((r: any) => r.id);
    // Ranked by the normalised score (ties by the weighted one), not by the weighted score alone.
    assert.deepEqual(apiOrder.map((id: number) => byName.get(id)!.split(' ')[0]), ['Delta', 'Alpha', 'Zeta', 'Eta', 'Gamma', 'Epsilon', 'Beta', 'Theta']);
    const weightedOrder = [...listed.body].filter((r: any) => r.weighted_score !== null).sort((x: any, y: any) => y.weighted_score - x.weighted_score).map((r: any) => r.id);
    assert.notDeepEqual(weightedOrder, apiOrder.slice(0, weightedOrder.length), 'the two scores order differently here');
    const partial = listed.body.filter((r: any) => r.partial).map((r: any) => r.id);
    assert.deepEqual(partial.sort(), [apps[6].id, apps[7].id].sort());
    const g = listed.body.find((r: any) => r.id === apps[6].id);
    assert.deepEqual([g.review_count, g.assigned_count, g.partial], [1, 2, true]);

    const csv = await agent.get('/api/rankings/export.csv').query(listQuery({ filter })).buffer(true).parse(text).expect(200);
    const lines = (csv.body as string).replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(';'));
    const header = lines.shift()!;
    const col = (name: string) => header.indexOf(name);
    assert.deepEqual(lines.map((l) => Number(l[col('Bewerbung')])), apiOrder);
    for (const l of lines) {
      const row = listed.body.find((r: any) => r.id === Number(l[col('Bewerbung')]));
      assert.equal(l[col('Rang')], row.rank === null ? '' : String(row.rank));
      assert.equal(l[col('Unvollständig')], row.partial ? 'ja' : 'nein');
    }

    const pdf = await agent.get(`/api/reports/cohorts/${cohort.id}/selection.pdf`).buffer(true).parse(bytes).expect(200);
    const file = join(mkdtempSync(join(tmpdir(), 'ranking-')), 'selection.pdf');
    writeFileSync(file, pdf.body as Buffer);
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const section = raw.slice(raw.indexOf('Ranking und Entscheidungen')).replace(/\s+/g, ' ');
    let at = 0;
    for (const id of apiOrder) {
      const row = listed.body.find((r: any) => r.id === id);
      const found = section.indexOf(byName.get(id)!, at);
      assert.ok(found >= at, `${byName.get(id)} in the API's order`);
      at = found;
      // The row: rank, name, "reviews von assigned" (+ "unvollständig"), z, weighted "x von 100".
      const cells = section.slice(found, found + 160);
      assert.ok(section.slice(Math.max(0, found - 4), found).includes(row.rank === null ? '–' : String(row.rank)), `rank of ${byName.get(id)}`);
      assert.ok(cells.includes(`${row.review_count} von ${row.assigned_count}${row.partial ? ' unvollständig' : ''}`), `${byName.get(id)}: ${cells}`);
      if (!row.partial) assert.ok(!cells.slice(0, 60).includes('unvollständig'));
      if (row.weighted_score !== null) assert.ok(cells.includes(`${row.weighted_score.toFixed(1).replace('.', ',')} von 100`), `weighted of ${byName.get(id)}`);
    }
  });
});
