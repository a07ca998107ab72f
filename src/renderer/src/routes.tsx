import { createBrowserRouter } from 'react-router';
import { AppShell } from './components/AppShell';
import { RouteError } from './components/RouteError';
import { AccountDetail } from './pages/AccountDetail';
import { Accounts } from './pages/Accounts';
import { Activity } from './pages/Activity';
import { BatchDetail } from './pages/BatchDetail';
import { Connections } from './pages/Connections';
import { Debts } from './pages/Debts';
import { ImportFile } from './pages/ImportFile';
import { Investments } from './pages/Investments';
import { NotFound } from './pages/NotFound';
import { Overview } from './pages/Overview';
import { Recurring } from './pages/Recurring';
import { Rules } from './pages/Rules';
import { Settings } from './pages/Settings';
import { Transactions } from './pages/Transactions';

/**
 * Real paths (`/transactions?category=…`), not hash routes: the headless host and the app://
 * protocol both answer extension-less paths with index.html. Created on demand, after the host
 * token has been taken out of the address.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppShell />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <Overview /> },
        { path: 'accounts', element: <Accounts /> },
        { path: 'accounts/:accountId', element: <AccountDetail /> },
        { path: 'transactions', element: <Transactions /> },
        { path: 'investments', element: <Investments /> },
        { path: 'debts', element: <Debts /> },
        { path: 'recurring', element: <Recurring /> },
        { path: 'rules', element: <Rules /> },
        { path: 'connections', element: <Connections /> },
        { path: 'activity', element: <Activity /> },
        { path: 'activity/batches/:batchId', element: <BatchDetail /> },
        { path: 'import', element: <ImportFile /> },
        { path: 'settings', element: <Settings /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
