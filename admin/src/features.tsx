import type { PageDef, ResourceDef } from './registry.tsx';
import users from './users/index.tsx';
import organisations from './organisations/index.tsx';
import people from './people/index.tsx';

/**
 * Every feature's resources and pages, in menu order. A feature adds its folder under admin/src/
 * and one line in each list.
 */
export const resources: ResourceDef[] = [organisations, people, users];

export const pages: PageDef[] = [];
