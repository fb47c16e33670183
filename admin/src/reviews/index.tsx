import RateReviewIcon from '@mui/icons-material/RateReview';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const ReviewList = lazyScreen(() => import('./ReviewList.tsx'), (m) => m.ReviewList);
const ReviewEdit = lazyScreen(() => import('./ReviewEdit.tsx'), (m) => m.ReviewEdit);
const ReviewShow = lazyScreen(() => import('./ReviewShow.tsx'), (m) => m.ReviewShow);

const reviews: ResourceDef = {
  name: 'reviews',
  roles: ['admin', 'staff', 'jury'],
  list: ReviewList,
  edit: ReviewEdit,
  show: ReviewShow,
  icon: RateReviewIcon,
  recordRepresentation: (r) => `${r.organisation_name ?? ''} – ${r.juror_name ?? ''}`,
  menuLabel: { jury: 'resources.reviews.my_menu' },
};
export default reviews;
