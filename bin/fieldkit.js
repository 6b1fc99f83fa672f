#!/usr/bin/env node
// FieldKit command line. Runs the TypeScript host through tsx so that `npx fieldkit ...`
// works straight after `npm ci`, with no build step (see docs/decisions/0003-cli-runs-through-tsx.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../host/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
