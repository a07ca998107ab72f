import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function NotFound() {
  return (
    <div className="page">
      <PageHeader title="Page not found" />
      <EmptyState
        title="There is nothing at this address"
        actions={
          <Link to="/" className="button button-primary">
            Go to the overview
          </Link>
        }
      >
        <p>The link may be old, or the account or batch it pointed to may have been removed.</p>
      </EmptyState>
    </div>
  );
}
