import type { ApiRouter } from '../http/api-router.ts';
import { STAFF } from '../http/api-router.ts';
import { decideSchema, interviewSchema, transitionSchema, waitlistOrderSchema, withdrawSchema } from './selection.schema.ts';
import { notFound } from '../http/errors.ts';
import { transitionCheck, transitionCohort } from './selection.phases.ts';
import { decide, recordInterview, selectionBoard, shortlist } from './selection.decisions.ts';
import { finalizeSelection, previewLetters } from './selection.release.ts';
import { acceptOffer, declineOffer, offerSeat, orderWaitlist, withdrawFellowship } from './selection.waitlist.ts';
import { presentApplication } from '../applications/index.ts';
import { presentFellowship, visibleFellowshipIds } from '../fellowships/index.ts';

/** Cohort phases, shortlist, interviews, decisions, the release and the waitlist (also a fellow's early withdrawal, which frees a seat). */
export function registerSelectionRoutes(api: ApiRouter): void {
  const tag = 'selection';
  api.add({
    method: 'post', path: '/cohorts/:id/transition', tag, access: STAFF, body: transitionSchema,
    summary: 'Move a cohort to its next phase (draft → call_open → review → selection → programme → alumni); 409 with the unmet precondition',
    handler: async (ctx, _req, _res, { id, body }) => transitionCohort(ctx, id, body.phase),
  });
  api.add({
    method: 'get', path: '/cohorts/:id/transition-check', tag, access: STAFF,
    summary: 'The next phase with its requirements and what is still open (the same check the transition applies)',
    handler: (ctx, _req, _res, { id }) => transitionCheck(ctx, id),
  });
  api.add({
    method: 'post', path: '/cohorts/:id/finalize-selection', tag, access: STAFF,
    summary: 'Release the selection: fellowships for the selected, decision letters queued (idempotent)',
    handler: (ctx, _req, _res, { id }) => finalizeSelection(ctx, id),
  });
  api.add({
    method: 'get', path: '/cohorts/:id/decision-letters', tag, access: STAFF,
    summary: 'Preview every decision letter exactly as the release sends it',
    handler: (ctx, _req, _res, { id }) => previewLetters(ctx, id),
  });
  api.add({
    method: 'get', path: '/cohorts/:id/selection', tag, access: STAFF,
    summary: 'Selection board: applications in the selection with decisions, interviews and seats left',
    handler: (ctx, _req, _res, { id }) => selectionBoard(ctx, id),
  });
  api.add({
    method: 'post', path: '/cohorts/:id/waitlist-order', tag, access: STAFF, body: waitlistOrderSchema,
    summary: 'Set the waitlist order explicitly (every waitlisted application once, first = next in line)',
    handler: async (ctx, _req, _res, { id, body }) => orderWaitlist(ctx, id, body.application_ids),
  });
  api.add({
    method: 'post', path: '/cohorts/:id/offer-seat', tag, access: STAFF,
    summary: 'Offer a free seat to the next on the waitlist (after the release): the application is selected and gets the offer letter; 409 without a free seat or waitlist',
    handler: (ctx, _req, _res, { id }) => offerSeat(ctx, id),
  });
  api.add({
    method: 'post', path: '/applications/:id/shortlist', tag, access: STAFF,
    summary: 'Put an eligible application on the shortlist (phone interview follows)',
    handler: (ctx, _req, _res, { id }) => shortlist(ctx, id),
  });
  api.add({
    method: 'post', path: '/applications/:id/interview', tag, access: STAFF, body: interviewSchema,
    summary: 'Record the phone interview (date, notes) of a shortlisted application',
    handler: async (ctx, _req, _res, { id, body }) => recordInterview(ctx, id, body),
  });
  api.add({
    method: 'post', path: '/applications/:id/decide', tag, access: STAFF, body: decideSchema,
    summary: 'Decide (selected | waitlisted | rejected) with a required reason; internal until the release; seat cap 409',
    handler: async (ctx, _req, _res, { id, body }) => decide(ctx, id, body),
  });
  api.add({
    method: 'post', path: '/applications/:id/accept-offer', tag, access: ['admin', 'staff', 'applicant'],
    summary: 'Accept a place offered from the waitlist: creates the fellowship',
    handler: async (ctx, _req, _res, { id }) => presentApplication(await acceptOffer(ctx, id), ctx),
  });
  api.add({
    method: 'post', path: '/applications/:id/decline-offer', tag, access: ['admin', 'staff', 'applicant'], body: withdrawSchema,
    summary: 'Decline a place offered from the waitlist: the seat goes to the next on the waitlist',
    handler: async (ctx, _req, _res, { id, body }) => presentApplication(await declineOffer(ctx, id, body.reason), ctx),
  });
  api.add({
    method: 'post', path: '/fellowships/:id/withdraw', tag: 'fellowships', access: ['admin', 'staff', 'applicant'], body: withdrawSchema,
    summary: 'End a fellowship early (the organisation withdraws): frees the seat and offers it to the first waitlisted application',
    handler: async (ctx, _req, _res, { id, body: { reason } }) => {
      const visible = await ctx.db.selectFrom('fellowships as t').select('t.id').where('t.id', '=', id).where('t.id', 'in', visibleFellowshipIds(ctx.db, ctx.user)).executeTakeFirst();
      if (!visible) throw notFound();
      await withdrawFellowship(ctx, id, reason);
      return ctx.db.selectFrom('fellowships').selectAll().where('id', '=', id).executeTakeFirstOrThrow().then(presentFellowship);
    },
  });
}
