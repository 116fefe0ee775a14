/**
 * Imported first by index.ts, before any module that builds or runs a zod schema while it loads: the page's
 * Content-Security-Policy has no 'unsafe-eval', so zod must not probe `new Function` (a caught probe is still
 * reported as a CSP violation, test/browser/csp.test.ts) nor compile parsers with it. Set in index.ts's own
 * body it came too late: imported modules are evaluated first, and zod caches the probe's result.
 */
import { z } from 'zod';

z.config({ jitless: true });
