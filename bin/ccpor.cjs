#!/usr/bin/env node
'use strict';
// `ccpor` runs the TypeScript sources directly: tsx (a runtime dependency) compiles them on load,
// so `npx ccpor …` works straight after `npm install`, with no build step.
require('tsx/cjs/api').register();
require('../src/cli/main.ts');
