/**
 * `npm start`. tsx only reads a tsconfig.json from the working directory, and the
 * workspace keeps its `@shoplane/*` path aliases in tsconfig.base.json; register them
 * before anything imports a workspace package (the services' manifests and handlers do).
 */
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url)) });
await import('./cli.js');
