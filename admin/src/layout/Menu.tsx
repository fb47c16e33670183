import { createElement, type ComponentType } from 'react';
import { ListSubheader } from '@mui/material';
import { DashboardMenuItem, Menu as RaMenu, usePermissions, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import { useFeatures } from '../featuresContext.tsx';
import type { Role } from '../auth/authProvider.ts';
import type { PageDef, ResourceDef } from '../registry.tsx';
import { workspaces, type MenuGroup } from './workspaces.ts';

interface Item {
  key: string;
  to: string;
  label: string;
  icon?: ComponentType;
}

/** Resolves the role's workspace groups against the screens that are actually loaded. */
function menuFor(role: Role, resources: ResourceDef[], pages: PageDef[], registered: Record<string, unknown>, translate: (k: string, o?: any) => string) {
  const resourceItem = (r: ResourceDef, group?: MenuGroup): Item => ({
    key: r.name,
    to: `/${r.name}`,
    label: translate(group?.labels?.[r.name] ?? r.menuLabel?.[role] ?? `resources.${r.name}.name`, { smart_count: 2 }),
    icon: r.icon,
  });
  const pageItem = (p: PageDef, group?: MenuGroup): Item => ({ key: p.path, to: p.path, label: translate(group?.labels?.[p.path] ?? p.menu!.label), icon: p.menu!.icon });
  const ownResources = resources.filter((r) => r.list && r.roles.includes(role) && registered[r.name]);
  const ownPages = pages.filter((p) => p.menu && p.roles !== 'public' && p.roles.includes(role));
  const placed = new Set<string>();
  const groups = workspaces[role].groups.map((group) => ({
    label: translate(group.label),
    items: group.entries.flatMap((entry): Item[] => {
      const resource = ownResources.find((r) => r.name === entry);
      if (resource) return placed.add(entry), [resourceItem(resource, group)];
      const page = ownPages.find((p) => p.path === entry);
      if (page) return placed.add(entry), [pageItem(page, group)];
      return [];
    }),
  }));
  if (workspaces[role].openEnded) {
    const rest = [
      ...ownPages.filter((p) => !placed.has(p.path)).map((p) => pageItem(p)),
      ...ownResources.filter((r) => !r.hideFromMenu && !placed.has(r.name)).map((r) => resourceItem(r)),
    ];
    groups.push({ label: translate('app.menu.groups.more'), items: rest });
  }
  return groups.filter((g) => g.items.length > 0);
}

/** Only what the role works with, grouped the way that role's year runs. */
export const Menu = () => {
  const { permissions: role } = usePermissions<Role>();
  const definitions = useResourceDefinitions();
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { resources, pages } = useFeatures() ?? { resources: [], pages: [] };
  const groups = role ? menuFor(role, resources, pages, definitions, translate) : [];
  return (
    <RaMenu>
      <DashboardMenuItem primaryText={translate('app.menu.home')} />
      {groups.map((group) => [
        open ? (
          <ListSubheader key={`h-${group.label}`} component="div" disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent', fontWeight: 600 }}>
            {group.label}
          </ListSubheader>
        ) : null,
        ...group.items.map((item) => (
          <RaMenu.Item key={item.key} to={item.to} primaryText={item.label} leftIcon={item.icon ? createElement(item.icon) : undefined} />
        )),
      ])}
    </RaMenu>
  );
};
