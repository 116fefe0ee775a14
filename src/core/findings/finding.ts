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
  /**
   * The unit's answer to a warning (核实性问题), from the workbook's 审核说明 sheet (src/core/explain). `stale`:
   * a value the explanation covered has changed since it was written — shown, not applied.
   */
  explanation: z.object({ text: z.string().min(1), stale: z.boolean(), date: z.string().optional() }).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
export type Explanation = NonNullable<Finding['explanation']>;

/** The report's summary: findings by severity, and how many of them are explained (an explanation not stale). */
export type Summary = Record<Severity, number> & { explained: number };

/** An explanation that applies: present and not stale. Only warnings ever carry one (src/core/explain). */
export function isExplained(f: Finding): boolean {
  return Boolean(f.explanation && !f.explanation.stale);
}

export function countBySeverity(findings: readonly Finding[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0, explained: 0 };
  for (const f of findings) {
    summary[f.severity] += 1;
    if (isExplained(f)) summary.explained += 1;
  }
  return summary;
}

/** Errors and warnings nobody has answered yet: what a reviewer sorts by. */
export function openCount(summary: Summary): number {
  return summary.error + summary.warning - summary.explained;
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
