/** What Electron runs (out/main/index.js): the shell, with nothing changed. */
import { launchShell } from './main';

void launchShell();
