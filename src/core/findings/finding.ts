import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * One problem found in a workbook: the CLI's JSON contract (README "JSON report").
 * `cells` lists every cell that took part, the most responsible first. Amounts are strings with 2 decimals.
 */
export const FindingSchema = z.object({
  rule: z.string().min(1),
  severity: z.enum(SEVERITIES),
  message: z.string().min(1),
  cells: z.array(z.string()),
  table: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  difference: z.string().optional(),
  tolerance: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity] += 1;
  return summary;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by table code, keeping discovery order within a group. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        (a.f.table ?? '99').localeCompare(b.f.table ?? '99') ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}
