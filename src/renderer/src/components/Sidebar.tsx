import { NavLink } from 'react-router';
import { ProfileSwitcher } from '../features/profiles/ProfileSwitcher';
import { useConnections } from '../store/connections';
import { usePlaidSettings } from '../store/plaid-settings';
import { useAppSettings } from '../store/app-settings';
import {
  AccountsIcon,
  ActivityIcon,
  ConnectionsIcon,
  DebtsIcon,
  InvestmentsIcon,
  LogoMark,
  OverviewIcon,
  RecurringIcon,
  RulesIcon,
  SettingsIcon,
  TransactionsIcon,
} from './Icons';

const ITEMS = [
  { to: '/', label: 'Overview', icon: OverviewIcon, end: true },
  { to: '/accounts', label: 'Accounts', icon: AccountsIcon, end: false },
  { to: '/transactions', label: 'Transactions', icon: TransactionsIcon, end: false },
  { to: '/investments', label: 'Investments', icon: InvestmentsIcon, end: false },
  { to: '/debts', label: 'Debts', icon: DebtsIcon, end: false },
  { to: '/recurring', label: 'Recurring', icon: RecurringIcon, end: false },
  { to: '/rules', label: 'Rules', icon: RulesIcon, end: false },
  { to: '/connections', label: 'Connections', icon: ConnectionsIcon, end: false },
  { to: '/activity', label: 'Activity', icon: ActivityIcon, end: false },
  { to: '/settings', label: 'Settings', icon: SettingsIcon, end: false },
] as const;

/** The app's banner: its name, the main navigation, and which Plaid environment is in use. */
export function Sidebar() {
  const errorCount = useConnections((s) => s.summary?.errorCount ?? 0);
  const environment = usePlaidSettings((s) => s.settings?.environment);
  const demo = useAppSettings((s) => s.settings?.demoMode ?? false);
  return (
    <header className="sidebar">
      <div className="brand">
        <LogoMark />
        <span className="brand-name">Ledgerlight</span>
      </div>
      <ProfileSwitcher />
      <nav aria-label="Main">
        <ul className="nav-list">
          {ITEMS.map(({ to, label, icon: Icon, end }) => (
            <li key={to}>
              <NavLink to={to} end={end} className="nav-link">
                <Icon />
                <span>{label}</span>
                {to === '/connections' && errorCount > 0 ? (
                  <>
                    <span className="nav-count" aria-hidden="true">
                      {errorCount}
                    </span>
                    <span className="visually-hidden">, {errorCount} need attention</span>
                  </>
                ) : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-footer">
        {environment ? (
          <span className={`env-pill env-${demo ? 'demo' : environment}`}>
            {demo ? 'Demo' : environment === 'sandbox' ? 'Sandbox' : 'Production'}
          </span>
        ) : null}
      </div>
    </header>
  );
}
