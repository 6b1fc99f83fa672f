import { fileURLToPath } from 'node:url';

const resolve = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export const repositoryRoot = resolve('../..');
/** Everything the e2e run writes lives here, and the leak scan reads all of it. */
export const artifactsDir = resolve('../artifacts');
export const e2eDataDir = `${artifactsDir}/e2e-data`;
export const hostLogFile = `${artifactsDir}/e2e-host.log`;
export const connectedScreenshot = `${artifactsDir}/e2e-connected.png`;
export const serialScreenshot = `${artifactsDir}/e2e-serial.png`;
export const cablePulledScreenshot = `${artifactsDir}/e2e-cable-pulled.png`;
export const hostKeyChangedScreenshot = `${artifactsDir}/e2e-host-key-changed.png`;
