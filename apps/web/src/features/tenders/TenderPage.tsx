import { useParams } from 'react-router';
import { PageHeading, QueryState } from '../../ui/States';
import { useTender } from './api';
import { TenderFacts } from './TenderFacts';

export function TenderPage() {
  const { id = '' } = useParams();
  const tender = useTender(id);
  return (
    <QueryState query={tender} page>
      {(x) => (
        <>
          <PageHeading>{x.title}</PageHeading>
          <TenderFacts tender={x} />
        </>
      )}
    </QueryState>
  );
}
