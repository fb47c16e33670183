import type { PageDef, ResourceDef } from './registry.tsx';
import users from './users/index.tsx';
import organisations, { myOrganisationPage } from './organisations/index.tsx';
import people from './people/index.tsx';
import cohorts, { criteria } from './cohorts/index.tsx';
import applications, { applicationFormPage } from './applications/index.tsx';
import emails from './emails/index.tsx';
import emailTemplates from './email-templates/index.tsx';
import mailings from './mailings/index.tsx';
import reminderRules from './reminder-rules/index.tsx';
import { accountSettingsPage } from './account/index.tsx';
import alumniProfiles, { mentorMatchesPage } from './alumni-profiles/index.tsx';
import introductions from './introductions/index.tsx';
import alumniEvents from './alumni-events/index.tsx';
import disbursements, { disbursementExports, fundingOverviewPage, toApprovePage } from './disbursements/index.tsx';
import auditEvents from './audit-events/index.tsx';
import fellowships from './fellowships/index.tsx';
import milestones from './milestones/index.tsx';
import transferSites from './transfer-sites/index.tsx';
import followUpRequests from './follow-up-requests/index.tsx';
import budgetLines from './budget-lines/index.tsx';
import { indicators, indicatorValues } from './indicators/index.tsx';
import surveys, { surveyAnswerPage } from './surveys/index.tsx';
import granteeReports from './grantee-reports/index.tsx';
import { selectionBoardPage } from './selection/index.tsx';
import { attendances, coachingSessions, programmePages, workshops } from './programme/index.tsx';
import reports from './reports/index.tsx';
import reviews from './reviews/index.tsx';
import conflicts, { conflictCandidates } from './conflicts/index.tsx';
import rankings from './rankings/index.tsx';
import { outcomesPage } from './outcomes/index.tsx';

/**
 * Every feature's resources and pages, in menu order. A feature adds its folder under admin/src/
 * and one line in each list.
 */
export const resources: ResourceDef[] = [cohorts, criteria, applications, organisations, people, users, reviews, conflicts, conflictCandidates, rankings, fellowships, milestones, indicators, indicatorValues, transferSites, followUpRequests, surveys, budgetLines, granteeReports, workshops, attendances, coachingSessions, alumniProfiles, introductions, alumniEvents, disbursements, disbursementExports, reports, emails, emailTemplates, mailings, reminderRules, auditEvents];

export const pages: PageDef[] = [applicationFormPage, myOrganisationPage, selectionBoardPage, mentorMatchesPage, fundingOverviewPage, toApprovePage, outcomesPage, surveyAnswerPage, ...programmePages, accountSettingsPage];
