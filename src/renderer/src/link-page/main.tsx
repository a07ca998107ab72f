import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LinkPage } from './LinkPage';
import { readLinkParams } from './session-params';
import './link-page.css';

const root = document.getElementById('root');
if (!root) throw new Error('link.html has no #root');
const params = readLinkParams(window.location, window.sessionStorage, window.history);
createRoot(root).render(
  <StrictMode>
    <LinkPage params={params} />
  </StrictMode>,
);
