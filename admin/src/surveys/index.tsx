import PollIcon from '@mui/icons-material/Poll';
import type { PageDef, ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const SurveyList = lazyScreen(() => import('./SurveyList.tsx'), (m) => m.SurveyList);
const SurveyCreate = lazyScreen(() => import('./SurveyEdit.tsx'), (m) => m.SurveyCreate);
const SurveyEdit = lazyScreen(() => import('./SurveyEdit.tsx'), (m) => m.SurveyEdit);
const SurveyShow = lazyScreen(() => import('./SurveyShow.tsx'), (m) => m.SurveyShow);
const SurveyAnswerPage = lazyScreen(() => import('./SurveyAnswerPage.tsx'), (m) => m.SurveyAnswerPage);

/** Surveys: staff write them and read the results; respondents see the surveys open to them. */
const surveys: ResourceDef = {
  name: 'surveys',
  roles: ['admin', 'staff', 'applicant'],
  list: SurveyList,
  create: SurveyCreate,
  edit: SurveyEdit,
  show: SurveyShow,
  icon: PollIcon,
  recordRepresentation: 'title',
};
export default surveys;

/** The respondent's answer form (phone first). */
export const surveyAnswerPage: PageDef = { path: '/survey-answer/:id', roles: ['applicant'], element: <SurveyAnswerPage /> };
