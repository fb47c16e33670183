import type { Db } from '../backend/src/db/database.ts';
import { hashPassword } from '../backend/src/auth/password.ts';
import { seedBase, type DemoOptions, type DemoStep } from './base.ts';
import { seedCall } from './call.ts';
import { seedAlumni } from './alumni.ts';
import { seedFunding } from './funding.ts';
import { seedAgreements } from './agreements.ts';
import { seedProgramme } from './programme.ts';
import { seedSelection } from './selection.ts';
import { seedJury } from './jury.ts';
import { seedReports } from './reports.ts';
import { seedGranteeReports } from './grantee-reports.ts';
import { seedTransferSites } from './transfer-sites.ts';
import { seedIndicators } from './indicators.ts';
import { seedSurveys } from './surveys.ts';
import { seedFollowUps } from './follow-ups.ts';

const DEMO_PASSWORD = 'demo-password';

/**
 * The embedded default's demo: logins per role, German nonprofits, and (through each feature's
 * seed step) a whole accelerator year. Runs once, on a database without users.
 */
export async function seedDemoIfEmpty(db: Db, options: DemoOptions): Promise<boolean> {
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return false;
  await seedDemo(db, options);
  return true;
}

export async function seedDemo(db: Db, options: DemoOptions): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const base = { ...(await seedBase(trx, passwordHash)), publicUrl: options.publicUrl };
    for (const step of DEMO_STEPS) await step(trx, base);
  });
}

/** Feature seed steps, in the order of the year (call, jury, selection, programme, agreements, funding, grantee reports, indicators, alumni, transfer sites, surveys, follow-ups). */
const DEMO_STEPS: DemoStep[] = [seedCall, seedJury, seedSelection, seedProgramme, seedAgreements, seedFunding, seedGranteeReports, seedIndicators, seedAlumni, seedTransferSites, seedSurveys, seedFollowUps, seedReports];
