import { applicationValues, shippedEmail } from '../email-templates/index.ts';

interface Rendered {
  subject: string;
  body: string;
}

/**
 * The receipt of a submitted application in the shipped German wording, without a database: what
 * the demo data queues for its submitted applications. Senders use the stored template
 * (`composeEmail`), which staff may have edited.
 */
export function applicationReceipt(facts: {
  organisationName: string;
  projectName: string;
  cohortName: string;
  submittedAt: Date;
  applicationId: number;
  publicUrl: string;
}): Rendered {
  const { subject, body } = shippedEmail('application_received', 'de', applicationValues({
    organisation_name: facts.organisationName, project_name: facts.projectName, cohort_name: facts.cohortName,
    submitted_at: facts.submittedAt, application_id: facts.applicationId, public_url: facts.publicUrl,
  }, 'de'));
  return { subject, body };
}
