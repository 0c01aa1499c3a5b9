#!/usr/bin/env node
// Runs a TypeScript file through tsx: `node bin/run-ts.mjs bench/index.ts [args…]`.
// The script sees process.argv as if it had been started directly (`node bench/index.ts args…`).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write(
    'run-ts: missing the .ts file to run.\nUsage: node bin/run-ts.mjs <file.ts> [args…]\n',
  );
  process.exit(2);
}
register();
const path = resolve(process.cwd(), file);
process.argv = [process.argv[0] ?? 'node', path, ...args];
await import(pathToFileURL(path).href);
