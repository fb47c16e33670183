import RateReviewIcon from '@mui/icons-material/RateReview';
import type { ResourceDef } from '../registry.tsx';
import { ReviewList } from './ReviewList.tsx';
import { ReviewEdit } from './ReviewEdit.tsx';
import { ReviewShow } from './ReviewShow.tsx';

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
