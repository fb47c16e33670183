import { createElement } from 'react';
import { DashboardMenuItem, Menu as RaMenu, usePermissions, useResourceDefinitions, useTranslate } from 'react-admin';
import { useFeatures } from '../featuresContext.tsx';
import type { Role } from '../auth/authProvider.ts';

/** Only what the role works with: its resources' lists and its pages. */
export const Menu = () => {
  const { permissions: role } = usePermissions<Role>();
  const definitions = useResourceDefinitions();
  const translate = useTranslate();
  const { resources, pages } = useFeatures() ?? { resources: [], pages: [] };
  const resourceItems = resources.filter((r) => r.list && !r.hideFromMenu && role && r.roles.includes(role) && definitions[r.name]);
  const pageItems = pages.filter((p) => p.menu && role && p.roles !== 'public' && p.roles.includes(role));
  return (
    <RaMenu>
      <DashboardMenuItem />
      {pageItems.map((p) => (
        <RaMenu.Item key={p.path} to={p.path} primaryText={translate(p.menu!.label)} leftIcon={createElement(p.menu!.icon)} />
      ))}
      {resourceItems.map((r) => (
        <RaMenu.Item
          key={r.name}
          to={`/${r.name}`}
          primaryText={translate(r.menuLabel?.[role!] ?? `resources.${r.name}.name`, { smart_count: 2 })}
          leftIcon={r.icon ? createElement(r.icon) : undefined}
        />
      ))}
    </RaMenu>
  );
};
