import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import type { ResourceDef } from '../registry.tsx';
import { RankingList } from './RankingList.tsx';

const rankings: ResourceDef = {
  name: 'rankings',
  roles: ['admin', 'staff'],
  list: RankingList,
  icon: LeaderboardIcon,
  recordRepresentation: 'organisation_name',
};
export default rankings;
