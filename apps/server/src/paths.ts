import { fileURLToPath } from 'node:url';

/** The repository root, from which the simulator and the built web app are found. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SIMULATOR_CLI = fileURLToPath(new URL('../../simulator/src/cli.ts', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
