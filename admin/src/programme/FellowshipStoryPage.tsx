import { Title, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { FellowshipStory } from '../fellowships/FellowshipStory.tsx';

/** The story on its own page, reachable for every role that may see the fellowship. */
export const FellowshipStoryPage = () => {
  const { id } = useParams();
  const translate = useTranslate();
  return (
    <>
      <Title title={translate('resources.story.title')} />
      <FellowshipStory fellowshipId={id} />
    </>
  );
};
