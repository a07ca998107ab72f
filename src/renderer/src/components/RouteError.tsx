import { useRouteError } from 'react-router';
import { AlertIcon } from './Icons';

/** A screen that crashed while rendering: say so and offer a way back instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main className="centered" id="main">
      <div className="notice notice-error" role="alert">
        <AlertIcon className="notice-icon" />
        <div className="notice-body">
          <p className="notice-title">This screen could not be shown</p>
          <p>{message}</p>
          <div className="notice-actions">
            <a className="button" href="/">
              Back to the overview
            </a>
          </div>
        </div>
      </div>
    </main>
  );
}
