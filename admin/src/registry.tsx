import type { ComponentType, ReactElement } from 'react';
import type { Role } from './auth/authProvider.ts';

/** One API resource's screens, as in react-admin's examples: `{ list, show, edit, create, icon }`. */
export interface ResourceDef {
  name: string;
  /** Roles that get this resource (and its menu entry, if it has a list). */
  roles: readonly Role[];
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  icon?: ComponentType;
  /** A field name, a function of the record, or an element rendered in its record context (for words that need translating). */
  recordRepresentation?: string | ((record: any) => string) | ReactElement;
  /** Hide from the menu (reachable through links only). */
  hideFromMenu?: boolean;
  /** Per-role menu label key override, e.g. jury sees "reviews" as "Meine Bewertungen". */
  menuLabel?: Partial<Record<Role, string>>;
}

/** A page that is not a resource (dashboard widgets, boards, the application form…). */
export interface PageDef {
  path: string;
  roles: readonly Role[] | 'public';
  element: ReactElement;
  /** Menu entry: translation key of the label, and the icon. */
  menu?: { label: string; icon: ComponentType };
  /** Rendered without the console layout (public pages like registration). */
  noLayout?: boolean;
}
