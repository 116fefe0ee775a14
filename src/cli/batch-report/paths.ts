/**
 * Paths as the report shows them: relative to the folder the user gave (never absolute: the report is shared,
 * and the reviewer's folder layout is none of the reader's business); a file given directly shows its name.
 */
import { basename, relative, resolve, sep } from 'node:path';
import type { Report } from '../../core/report';

/**
 * `file` as found under one of `roots` (the paths given on the command line). Under a folder: its path
 * relative to that folder (the deepest folder when several contain it), with “/”; when several paths were
 * given, prefixed with the folder's own name so that two folders' “a.xlsx” stay apart. Anything else: its name.
 */
export function displayPath(file: string, roots: readonly string[]): string {
  const target = resolve(file);
  let best: string | undefined;
  for (const root of roots) {
    const dir = resolve(root);
    if (dir === target) return basename(file);
    if (target.startsWith(dir.endsWith(sep) ? dir : dir + sep) && (!best || dir.length > best.length)) best = dir;
  }
  if (!best) return basename(file);
  const inside = relative(best, target).split(sep).join('/');
  return roots.length > 1 ? `${basename(best) || best}/${inside}` : inside;
}

/** The report with `file` shown as `shown` (its own field and every message that quotes the path). */
export function reportShownAs(report: Report, file: string, shown: string): Report {
  if (file === shown) return report;
  const swap = (text: string) => text.split(file).join(shown);
  return { ...report, file: shown, findings: report.findings.map((f) => (f.message.includes(file) ? { ...f, message: swap(f.message) } : f)) };
}
