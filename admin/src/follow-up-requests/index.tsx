import QuestionAnswerIcon from '@mui/icons-material/QuestionAnswer';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const FollowUpRequestList = lazyScreen(() => import('./FollowUpRequestList.tsx'), (m) => m.FollowUpRequestList);

/** Follow-up requests: staff see who was asked and who answered; the fellows see theirs on their home. */
const followUpRequests: ResourceDef = {
  name: 'follow-up-requests',
  roles: ['admin', 'staff'],
  list: FollowUpRequestList,
  icon: QuestionAnswerIcon,
  recordRepresentation: 'organisation_name',
};
export default followUpRequests;
