#!/usr/bin/env node
// Thin entry: load TypeScript sources through tsx, then hand over to cli/main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
