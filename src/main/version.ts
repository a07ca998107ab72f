import { version } from '../../package.json';

/** Only the version is bundled, not the whole package.json. */
export const APP_VERSION: string = version;
