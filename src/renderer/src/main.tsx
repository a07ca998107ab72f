import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectLedger } from './ledger';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/import.css';
import './styles/manual.css';
import './styles/entry.css';
import './styles/connections-live.css';
import './styles/profiles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App connectivity={connectLedger()} />
  </StrictMode>,
);
