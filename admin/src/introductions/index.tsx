import ConnectWithoutContactIcon from '@mui/icons-material/ConnectWithoutContact';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const IntroductionList = lazyScreen(() => import('./IntroductionList.tsx'), (m) => m.IntroductionList);
const IntroductionShow = lazyScreen(() => import('./IntroductionShow.tsx'), (m) => m.IntroductionShow);

/** Introduction requests between alumni (created from a directory card, answered here). */
const introductions: ResourceDef = {
  name: 'introductions',
  roles: ['admin', 'staff', 'applicant'],
  list: IntroductionList,
  show: IntroductionShow,
  icon: ConnectWithoutContactIcon,
  recordRepresentation: (r) => `${r.from_organisation_name} → ${r.to_organisation_name}`,
};
export default introductions;
