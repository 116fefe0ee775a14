import Decimal from 'decimal.js';
import type { Finding } from '../findings/finding';
import { tableLabel, type TableCode } from '../tables/codes';
import { SUBJECT_LEVELS, TableMetaSchema, type Amount, type AnyTable, type TablesModel } from '../tables/model';

const CELL = /!\$?[A-Z]{1,3}\$?\d+$/;
const SUBJECT_CODE = /^\d{3}(\d{2}){0,2}$/;

/**
 * The model's schemas (tables/model.ts) as plain predicates. A workbook holds hundreds of amounts and rows;
 * parsing each as a zod object (which copies it) cost a sixth of the check. The zod schemas stay the
 * definition — `meta` is still parsed with TableMetaSchema — and test/read/validate-model.test.ts keeps
 * these predicates in step with AmountSchema and SubjectRowSchema.
 */
export function isAmount(v: unknown): v is Amount {
  if (v === null || typeof v !== 'object') return false;
  const a = v as Record<string, unknown>;
  return a.value instanceof Decimal && typeof a.cell === 'string' && CELL.test(a.cell) && typeof a.blank === 'boolean';
}

type Problem = { path: string; message: string } | undefined;

function amountProblem(v: unknown, path: string): Problem {
  return isAmount(v) ? undefined : { path, message: '不是有效的金额（value/cell/blank）' };
}

function amountMapProblem(v: unknown, path: string): Problem {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { path, message: '应为金额表' };
  for (const k in v as Record<string, unknown>) {
    const p = amountProblem((v as Record<string, unknown>)[k], `${path}.${k}`);
    if (p) return p;
  }
  return undefined;
}

const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

/** SubjectRowSchema as a predicate. */
export function subjectRowProblem(v: unknown, path: string): Problem {
  if (v === null || typeof v !== 'object') return { path, message: '应为科目行' };
  const r = v as Record<string, unknown>;
  if (typeof r.code !== 'string' || !SUBJECT_CODE.test(r.code)) return { path: `${path}.code`, message: '科目代码应为 3/5/7 位数字' };
  if (typeof r.name !== 'string') return { path: `${path}.name`, message: '应为文本' };
  if (!(SUBJECT_LEVELS as readonly unknown[]).includes(r.level)) return { path: `${path}.level`, message: '应为类/款/项' };
  if (!optionalString(r.parentCode)) return { path: `${path}.parentCode`, message: '应为文本' };
  if (!Number.isInteger(r.row)) return { path: `${path}.row`, message: '应为整数' };
  if (!Array.isArray(r.codeCells) || !r.codeCells.every((c) => typeof c === 'string')) return { path: `${path}.codeCells`, message: '应为单元格列表' };
  if (!optionalString(r.nameCell)) return { path: `${path}.nameCell`, message: '应为文本' };
  return amountMapProblem(r.amounts, `${path}.amounts`);
}

function arrayProblem(v: unknown, path: string, item: (x: unknown, p: string) => Problem): Problem {
  if (!Array.isArray(v)) return { path, message: '应为列表' };
  for (let i = 0; i < v.length; i++) {
    const p = item(v[i], `${path}.${i}`);
    if (p) return p;
  }
  return undefined;
}

const classLine = (v: unknown, path: string): Problem => {
  const o = (v ?? {}) as Record<string, unknown>;
  if (typeof o.key !== 'string' || !/^\d{3}$/.test(o.key)) return { path: `${path}.key`, message: '类级科目代码应为 3 位数字' };
  return amountMapProblem(o.amounts, `${path}.amounts`);
};

const item06 = (v: unknown, path: string): Problem => {
  const o = (v ?? {}) as Record<string, unknown>;
  if (typeof o.code !== 'string' || !/^3\d{2}(\d{2})?$/.test(o.code)) return { path: `${path}.code`, message: '经济分类代码应为 3 或 5 位' };
  return amountProblem(o.amount, `${path}.amount`);
};

const BODY: Record<TableCode, (t: Record<string, unknown>) => Problem> = {
  '01': (t) => arrayProblem(t.classes, 'classes', classLine),
  '04': (t) => arrayProblem(t.classes, 'classes', classLine),
  '02': (t) => arrayProblem(t.rows, 'rows', subjectRowProblem),
  '03': (t) => arrayProblem(t.rows, 'rows', subjectRowProblem),
  '05': (t) => arrayProblem(t.rows, 'rows', subjectRowProblem),
  '07': (t) => arrayProblem(t.rows, 'rows', subjectRowProblem),
  '08': (t) => arrayProblem(t.rows, 'rows', subjectRowProblem),
  '06': (t) =>
    arrayProblem(t.items, 'items', item06) ??
    (t.personnelTotal === undefined ? undefined : amountProblem(t.personnelTotal, 'personnelTotal')) ??
    (t.publicTotal === undefined ? undefined : amountProblem(t.publicTotal, 'publicTotal')),
  '09': (t) => amountMapProblem(t.budget, 'budget') ?? amountMapProblem(t.actual, 'actual'),
};

function tableProblem(code: TableCode, table: AnyTable): Problem {
  const meta = TableMetaSchema.safeParse(table?.meta);
  if (!meta.success) return { path: ['meta', ...meta.error.issues[0]!.path].join('.'), message: meta.error.issues[0]!.message };
  return BODY[code](table as unknown as Record<string, unknown>);
}

/** The model checked against its schemas, and the 金额单位 of all tables compared. */
export function validateModel(model: TablesModel): Finding[] {
  const findings: Finding[] = [];
  for (const [code, table] of Object.entries(model) as Array<[TableCode, AnyTable]>) {
    const problem = tableProblem(code, table);
    if (problem) {
      findings.push({
        rule: 'read-model-invalid',
        severity: 'error',
        table: code,
        message: `${tableLabel(code)}读取结果不完整（${problem.path}：${problem.message}），请检查该表格式。`,
        cells: table?.meta?.titleCell ? [table.meta.titleCell] : [],
      });
    }
  }
  const metas = Object.values(model).map((t: AnyTable) => t?.meta).filter((m) => m !== undefined);
  const withUnit = metas.filter((m) => m.unit);
  const units = new Set(withUnit.map((m) => m.unit!.text));
  if (units.size > 1) {
    const counts = [...units].map((u) => [u, withUnit.filter((m) => m.unit!.text === u).length] as const);
    const common = counts.sort((a, b) => b[1] - a[1])[0][0];
    const odd = withUnit.filter((m) => m.unit!.text !== common);
    findings.push({
      rule: 'read-unit-mismatch',
      severity: 'error',
      message: `各表金额单位不一致：多数表为“${common}”，${odd.map((m) => `${tableLabel(m.code)}为“${m.unit!.text}”（${m.unit!.cell}）`).join('，')}。本次按各表原值审核，跨表核对的差额可能因此很大；请统一金额单位。`,
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
