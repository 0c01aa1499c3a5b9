#!/usr/bin/env node
// The `troupe` command: loads TypeScript through tsx, runs the CLI, and exits with its code.
import { register } from 'tsx/esm/api';

// `troupe export creators … | head` closes the pipe early; that ends the output, it is not a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
