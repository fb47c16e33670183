import type { ApiRouter } from './http/api-router.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { registerUserRoutes } from './users/users.routes.ts';
import { registerOrganisationRoutes } from './organisations/organisations.routes.ts';
import { registerPeopleRoutes } from './people/people.routes.ts';
import { registerAlumniRoutes } from './alumni/alumni.routes.ts';
import { registerDisbursementRoutes } from './disbursements/disbursements.routes.ts';
import { registerCohortRoutes } from './cohorts/cohorts.routes.ts';
import { registerApplicationRoutes } from './applications/applications.routes.ts';
import { registerAttachmentRoutes } from './attachments/attachments.routes.ts';
import { registerEmailRoutes } from './emails/emails.routes.ts';
import { registerEmailTemplateRoutes } from './email-templates/email-templates.routes.ts';
import { registerConflictRoutes } from './conflicts/conflicts.routes.ts';
import { registerReviewRoutes } from './reviews/reviews.routes.ts';
import { registerRankingRoutes } from './rankings/rankings.routes.ts';
import { registerReportRoutes } from './reports/reports.routes.ts';
import { registerProgrammeReportRoutes } from './reports/programme.routes.ts';
import { registerDashboardRoutes } from './dashboard/dashboard.routes.ts';
import { registerSelectionRoutes } from './selection/selection.routes.ts';
import { registerFellowshipRoutes } from './fellowships/fellowships.routes.ts';
import { registerMilestoneRoutes } from './milestones/milestones.routes.ts';
import { registerTransferSiteRoutes } from './transfer-sites/transfer-sites.routes.ts';
import { registerIndicatorRoutes } from './indicators/indicators.routes.ts';
import { registerOutcomeRoutes } from './outcomes/outcomes.routes.ts';
import { registerSurveyRoutes } from './surveys/surveys.routes.ts';
import { registerFollowUpRoutes } from './follow-ups/follow-ups.routes.ts';
import { registerMailingRoutes } from './mailings/mailings.routes.ts';
import { registerReminderRoutes } from './reminders/index.ts';
import { registerBudgetLineRoutes } from './budget-lines/budget-lines.routes.ts';
import { registerAgreementRoutes } from './reports/agreement.routes.ts';
import { registerGranteeReportRoutes } from './grantee-reports/grantee-reports.routes.ts';
import { registerWorkshopRoutes } from './workshops/workshops.routes.ts';
import { registerAttendanceRoutes } from './attendances/attendances.routes.ts';
import { registerCoachingSessionRoutes } from './coaching-sessions/coaching-sessions.routes.ts';
import { registerProgrammeRoutes } from './programme/programme.routes.ts';
import { registerAuditRoutes } from './audit-events/audit-events.routes.ts';
import { registerPrivacyRoutes } from './privacy/privacy.routes.ts';
import { registerPermissionRoutes } from './permissions/permissions.routes.ts';
import { openApiDocument, apiDocsHtml } from './docs/openapi.ts';

/** Every feature's routes, in one readable list. */
export function registerRoutes(api: ApiRouter): void {
  registerAuthRoutes(api);
  registerUserRoutes(api);
  registerOrganisationRoutes(api);
  registerPeopleRoutes(api);
  registerCohortRoutes(api);
  registerApplicationRoutes(api);
  registerAttachmentRoutes(api);
  registerEmailRoutes(api);
  registerEmailTemplateRoutes(api);
  registerDisbursementRoutes(api);
  registerAlumniRoutes(api);
  registerConflictRoutes(api);
  registerReviewRoutes(api);
  registerRankingRoutes(api);
  registerProgrammeReportRoutes(api);
  registerReportRoutes(api);
  registerDashboardRoutes(api);
  registerSelectionRoutes(api);
  registerFellowshipRoutes(api);
  registerMilestoneRoutes(api);
  registerTransferSiteRoutes(api);
  registerIndicatorRoutes(api);
  registerOutcomeRoutes(api);
  registerSurveyRoutes(api);
  registerFollowUpRoutes(api);
  registerMailingRoutes(api);
  registerReminderRoutes(api);
  registerBudgetLineRoutes(api);
  registerAgreementRoutes(api);
  registerGranteeReportRoutes(api);
  registerWorkshopRoutes(api);
  registerAttendanceRoutes(api);
  registerCoachingSessionRoutes(api);
  registerProgrammeRoutes(api);
  registerAuditRoutes(api);
  registerPrivacyRoutes(api);
  registerPermissionRoutes(api);

  api.add({
    method: 'get', path: '/openapi.json', tag: 'docs', summary: 'OpenAPI document', access: 'public',
    handler: () => openApiDocument(api.routes),
  });
  api.add({
    method: 'get', path: '/docs', tag: 'docs', summary: 'Human-readable API reference', access: 'public',
    handler: (_ctx, _req, res) => {
      res.type('html').send(apiDocsHtml(api.routes));
      return undefined;
    },
  });
}
