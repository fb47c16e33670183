import type { FeatureMessages } from './types.ts';
import { coreMessages } from './core.ts';
import { callMessages } from '../applications/messages.ts';
import { selectionMessages } from '../selection/messages.ts';
import { alumniMessages } from '../alumni-profiles/messages.ts';
import { disbursementMessages } from '../disbursements/messages.ts';
import { agreementMessages } from '../budget-lines/messages.ts';
import { granteeReportMessages } from '../grantee-reports/messages.ts';
import { auditMessages } from '../audit-events/messages.ts';
import { programmeMessages } from '../programme/messages.ts';
import { reportMessages } from '../reports/messages.ts';
import { juryMessages } from '../reviews/messages.ts';
import { cohortMessages } from '../cohorts/messages.ts';
import { organisationMessages } from '../organisations/messages.ts';
import { transferSiteMessages } from '../transfer-sites/messages.ts';
import { indicatorMessages } from '../indicators/messages.ts';
import { funderMessages } from '../funder/messages.ts';
import { outcomeMessages } from '../outcomes/messages.ts';
import { surveyMessages } from '../surveys/messages.ts';
import { emailTemplateMessages } from '../email-templates/messages.ts';
import { reminderRuleMessages } from '../reminder-rules/messages.ts';
import { followUpMessages } from '../follow-up-requests/messages.ts';
import { mailingMessages } from '../mailings/messages.ts';
import { labelMessages } from './labels.ts';

/**
 * Each feature keeps its own translations next to its screens (admin/src/<resource>/messages.ts)
 * and adds one line here. Words for coded values come from the one label catalogue, merged last.
 */
export const featureMessages: FeatureMessages[] = [coreMessages, callMessages, selectionMessages, alumniMessages, disbursementMessages, agreementMessages, granteeReportMessages, auditMessages, programmeMessages, reportMessages, juryMessages, cohortMessages, organisationMessages, indicatorMessages, transferSiteMessages, followUpMessages, surveyMessages, outcomeMessages, funderMessages, emailTemplateMessages, mailingMessages, reminderRuleMessages, labelMessages];
