/**
 * Where the built artefacts live, relative to the project root.
 */
import path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..', '..');
export const rendererDir = path.join(projectRoot, '.vite', 'renderer', 'main_window');
export const bridgeFile = path.join(projectRoot, '.vite', 'host', 'bridge.js');
