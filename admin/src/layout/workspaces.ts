import type { Role } from '../auth/authProvider.ts';

/**
 * Each role's workspace: the menu groups in the order of that role's year. An entry is a resource
 * name (its list) or a page path. Staff and admin also get, in the last group, any screen a feature
 * adds later and nobody placed yet, so nothing new disappears; the other roles see only what is
 * listed here, because their menu is deliberately short.
 */
export interface MenuGroup {
  /** Translation key of the group heading (`app.menu.groups.*`). */
  label: string;
  entries: string[];
  /** Per-entry label override (translation key), e.g. rankings shown as "Jury-Fortschritt". */
  labels?: Record<string, string>;
}

const staff: MenuGroup[] = [
  { label: 'app.menu.groups.call', entries: ['cohorts', 'applications', 'organisations', 'people'] },
  {
    label: 'app.menu.groups.jury',
    entries: ['rankings', 'reviews', 'conflicts', '/selection'],
    labels: { rankings: 'app.menu.jury_progress' },
  },
  { label: 'app.menu.groups.programme', entries: ['fellowships', 'milestones', 'workshops', 'coaching-sessions', '/attendance-overview'] },
  { label: 'app.menu.groups.funding', entries: ['/funding', '/disbursements-to-approve', 'disbursements', 'disbursement-exports'] },
  { label: 'app.menu.groups.alumni', entries: ['alumni-profiles', 'introductions', 'alumni-events', '/mentor-matches'] },
  { label: 'app.menu.groups.reports', entries: ['reports', 'emails', 'email-templates', 'reminder-rules', 'audit-events', 'users'] },
];

export const workspaces: Record<Role, { groups: MenuGroup[]; openEnded: boolean }> = {
  admin: { groups: staff, openEnded: true },
  staff: { groups: staff, openEnded: true },
  jury: {
    groups: [{ label: 'app.menu.groups.my_jury', entries: ['reviews', 'conflicts'], labels: { conflicts: 'app.menu.my_conflicts' } }],
    openEnded: false,
  },
  coach: {
    groups: [
      {
        label: 'app.menu.groups.my_coaching',
        entries: ['/my-fellows', 'coaching-sessions', 'workshops', '/attendance-overview'],
        labels: { 'coaching-sessions': 'app.menu.log_session' },
      },
    ],
    openEnded: false,
  },
  applicant: {
    groups: [
      {
        label: 'app.menu.groups.my_organisation',
        entries: ['/application', '/my-programme', '/my-organisation', 'disbursements'],
        labels: { disbursements: 'app.menu.my_tranches' },
      },
      { label: 'app.menu.groups.network', entries: ['alumni-profiles', 'introductions', 'alumni-events'], labels: { 'alumni-profiles': 'app.menu.alumni_directory' } },
    ],
    openEnded: false,
  },
  // A funder reads; its home (the dashboard of its cohorts and their issued reports) is all it has.
  funder: { groups: [], openEnded: false },
};
