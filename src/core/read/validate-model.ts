import { z } from 'zod';
import type { Finding } from '../findings/finding';
import { tableLabel, type TableCode } from '../tables/codes';
import { AmountSchema, SubjectRowSchema, TableMetaSchema, type AnyTable, type TablesModel } from '../tables/model';

const AmountMap = z.record(z.string(), AmountSchema);
const SCHEMAS: Record<TableCode, z.ZodType> = {
  '01': z.object({ meta: TableMetaSchema, classes: z.array(z.object({ key: z.string().regex(/^\d{3}$/), amounts: AmountMap })) }),
  '04': z.object({ meta: TableMetaSchema, classes: z.array(z.object({ key: z.string().regex(/^\d{3}$/), amounts: AmountMap })) }),
  '02': z.object({ meta: TableMetaSchema, rows: z.array(SubjectRowSchema) }),
  '03': z.object({ meta: TableMetaSchema, rows: z.array(SubjectRowSchema) }),
  '05': z.object({ meta: TableMetaSchema, rows: z.array(SubjectRowSchema) }),
  '07': z.object({ meta: TableMetaSchema, rows: z.array(SubjectRowSchema) }),
  '08': z.object({ meta: TableMetaSchema, rows: z.array(SubjectRowSchema) }),
  '06': z.object({
    meta: TableMetaSchema,
    items: z.array(z.object({ code: z.string().regex(/^3\d{2}(\d{2})?$/), amount: AmountSchema })),
    personnelTotal: AmountSchema.optional(),
    publicTotal: AmountSchema.optional(),
  }),
  '09': z.object({ meta: TableMetaSchema, budget: AmountMap, actual: AmountMap }),
};

/** The model checked against its schemas, and the 金额单位 of all tables compared. */
export function validateModel(model: TablesModel): Finding[] {
  const findings: Finding[] = [];
  for (const [code, table] of Object.entries(model) as Array<[TableCode, AnyTable]>) {
    const result = SCHEMAS[code].safeParse(table);
    if (!result.success) {
      findings.push({
        rule: 'read-model-invalid',
        severity: 'error',
        table: code,
        message: `${tableLabel(code)}读取结果不完整（${result.error.issues[0]?.path.join('.')}：${result.error.issues[0]?.message}），请检查该表格式。`,
        cells: [table.meta.titleCell],
      });
    }
  }
  const metas = Object.values(model).map((t: AnyTable) => t.meta);
  const withUnit = metas.filter((m) => m.unit);
  const units = new Set(withUnit.map((m) => m.unit!.text));
  if (units.size > 1) {
    const counts = [...units].map((u) => [u, withUnit.filter((m) => m.unit!.text === u).length] as const);
    const common = counts.sort((a, b) => b[1] - a[1])[0][0];
    const odd = withUnit.filter((m) => m.unit!.text !== common);
    findings.push({
      rule: 'read-unit-mismatch',
      severity: 'error',
      message: `各表金额单位不一致：多数表为“${common}”，${odd.map((m) => `${tableLabel(m.code)}为“${m.unit!.text}”`).join('，')}。跨表核对前请统一金额单位。`,
      cells: odd.map((m) => `${m.unit!.cell}`),
      expected: common,
      actual: odd.map((m) => m.unit!.text).join('、'),
    });
  }
  const noUnit = metas.filter((m) => !m.unit);
  if (noUnit.length > 0 && noUnit.length < metas.length) {
    findings.push({
      rule: 'read-unit-missing',
      severity: 'warning',
      message: `${noUnit.map((m) => tableLabel(m.code)).join('、')}未注明金额单位（如“金额单位：万元”）。`,
      cells: noUnit.map((m) => m.titleCell),
    });
  }
  return findings;
}
