/**
 * The code under measurement as users run it. The CLI runs lib/ (tsc's output, `npm run build:lib`) and the
 * pane a webpack bundle; run from src/ through tsx instead, every function created at run time goes through the
 * name-keeping wrapper tsx adds (`__name`), which made hot closures ~10–25 % slower than the shipped code and
 * would measure that wrapper rather than the engine. Types still come from src/.
 */
import type * as Report from '../src/core/report';
import type * as Narrative from '../src/core/narrative';
import type * as Supplement from '../src/core/supplement';
import type * as ReadFile from '../src/hosts/file/read-file';
import type * as Cli from '../src/cli/main';

/* eslint-disable @typescript-eslint/no-require-imports */
export const { checkSnapshot } = require('../lib/core/report') as typeof Report;
export const { generateNarrative } = require('../lib/core/narrative') as typeof Narrative;
export const { readSupplement } = require('../lib/core/supplement') as typeof Supplement;
export const { snapshotFromXlsx } = require('../lib/hosts/file/read-file') as typeof ReadFile;
export const { main } = require('../lib/cli/main') as typeof Cli;
