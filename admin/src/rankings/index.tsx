import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const RankingList = lazyScreen(() => import('./RankingList.tsx'), (m) => m.RankingList);

const rankings: ResourceDef = {
  name: 'rankings',
  roles: ['admin', 'staff'],
  list: RankingList,
  icon: LeaderboardIcon,
  recordRepresentation: 'organisation_name',
};
export default rankings;
