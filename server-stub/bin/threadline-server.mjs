#!/usr/bin/env node
// The site owner's command: runs the TypeScript server through tsx (a runtime dependency).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
