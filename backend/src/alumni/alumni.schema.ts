import { z } from 'zod';
import { id, longText, optionalEmail, requiredText } from '../shared/fields.ts';

export const TRANSFER_MODELS = ['social_franchise', 'affiliation', 'dissemination', 'licensing', 'other'] as const;
export const INTRODUCTION_STATUSES = ['requested', 'accepted', 'declined'] as const;
export const ALUMNI_EVENT_KINDS = ['networking', 'barcamp'] as const;

const MAX_TOPIC_LENGTH = 100;

/**
 * Offers and needs: topics separated by commas (also semicolons or line breaks), e.g.
 * "Ehrenamtsmanagement, Fundraising, Social Franchise". Each topic is short; matching works on
 * the topics (alumni.matching.ts).
 */
const topicList = () =>
  longText(2000).refine(
    (v) => v == null || v.split(/[,;\n\r•·|]+/).every((t) => t.trim().length <= MAX_TOPIC_LENGTH),
    `Themen bitte mit Komma trennen (je Thema höchstens ${MAX_TOPIC_LENGTH} Zeichen).`,
  );

/** What an alumni organisation edits on its own profile. */
export const alumniProfileUpdateSchema = z.object({
  offers: topicList(),
  needs: topicList(),
  bio: longText(5000),
  /** Consent: only a visible profile appears to other alumni. */
  visible: z.boolean({ error: 'Ja oder nein erwartet.' }).optional(),
  contact_email: optionalEmail(),
  /** Staff only; ignored for alumni (read-only for them). */
  cohort_id: id().optional(),
});

/** Staff create a profile by hand (normally the `alumni` phase of a cohort creates them). */
export const alumniProfileCreateSchema = alumniProfileUpdateSchema.extend({
  organisation_id: id(),
  cohort_id: id(),
});

export const introductionCreateSchema = z.object({
  to_organisation_id: id(),
  message: requiredText(2000, 'Bitte schreiben Sie kurz, worum es geht.'),
});

/** Body of accept/decline: an optional note that goes to the requesting organisation. */
export const introductionResponseSchema = z.object({
  note: longText(2000),
});

export type IntroductionCreate = z.infer<typeof introductionCreateSchema>;
