import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_initial.ts';
import * as m0002 from './0002_sort_keys.ts';
import * as m0004 from './0004_review_scores.ts';
import * as m0007 from './0007_disbursement_exports.ts';
import * as m0008 from './0008_alumni_introductions.ts';
import * as m0009 from './0009_account_emails.ts';
import * as m0010 from './0010_four_eyes_payee.ts';
import * as m0011 from './0011_introductions_either_way.ts';
import * as m0012 from './0012_organisation_version.ts';
import * as m0017 from './0017_application_version.ts';
import * as m0018 from './0018_grant_reports.ts';
import * as m0019 from './0019_indicators.ts';
import * as m0020 from './0020_transfer_sites.ts';
import * as m0021 from './0021_surveys.ts';
import * as m0022 from './0022_funder.ts';
import * as m0023 from './0023_follow_ups.ts';
import * as m0024 from './0024_email_templates.ts';
import * as m0025 from './0025_mailings.ts';
import * as m0027 from './0027_reminder_rules.ts';
import * as m0028 from './0028_email_html.ts';

/** Every migration, in order. Add new files here; never edit a landed one. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_sort_keys': m0002,
  '0004_review_scores': m0004,
  '0007_disbursement_exports': m0007,
  '0008_alumni_introductions': m0008,
  '0009_account_emails': m0009,
  '0010_four_eyes_payee': m0010,
  '0011_introductions_either_way': m0011,
  '0012_organisation_version': m0012,
  '0017_application_version': m0017,
  '0018_grant_reports': m0018,
  '0019_indicators': m0019,
  '0020_transfer_sites': m0020,
  '0021_surveys': m0021,
  '0022_funder': m0022,
  '0023_follow_ups': m0023,
  '0024_email_templates': m0024,
  '0025_mailings': m0025,
  '0027_reminder_rules': m0027,
  '0028_email_html': m0028,
};
