/**
 * The pane's two optional file choosers for 生成情况说明: last year's 决算 and this year's 部门预算. Reading them
 * happens in the narrative chunk; here only which files are chosen, and — per workbook, in localStorage — their
 * names as a reminder (“上次选用…，请重新选择”). Nothing of their content is kept anywhere.
 */
import { byId } from './dom';

export type SourceKind = 'prior' | 'budget';
export type ChosenSources = Partial<Record<SourceKind, File>>;

const KEY = 'juesuan.sources:';
const LABEL: Record<SourceKind, string> = { prior: '上年决算', budget: '部门预算' };

const input = (kind: SourceKind) => byId(`${kind}-file`) as HTMLInputElement;

export function chosenSources(): ChosenSources {
  const out: ChosenSources = {};
  for (const kind of ['prior', 'budget'] as const) {
    const file = input(kind).files?.[0];
    if (file) out[kind] = file;
  }
  return out;
}

/** Changes when another file is chosen: a narrative generated with other files is not reused. */
export function sourcesKey(chosen: ChosenSources): string {
  return (['prior', 'budget'] as const).map((k) => (chosen[k] ? `${chosen[k]!.name}:${chosen[k]!.size}:${chosen[k]!.lastModified}` : '')).join('|');
}

function remembered(workbook: string): Partial<Record<SourceKind, string>> {
  try {
    return JSON.parse(localStorage.getItem(KEY + workbook) ?? '{}') as Partial<Record<SourceKind, string>>;
  } catch {
    return {};
  }
}

/** The line under the choosers: the files chosen, or the names chosen last time for this workbook. */
export function showSources(workbook: string): void {
  const chosen = chosenSources();
  const before = remembered(workbook);
  const parts = (['prior', 'budget'] as const).flatMap((k) => {
    if (chosen[k]) return [`${LABEL[k]}：${chosen[k]!.name}`];
    return before[k] ? [`上次为本工作簿选用的${LABEL[k]}：${before[k]}（如需使用请重新选择）`] : [];
  });
  byId('sources-note').textContent = parts.join('；');
  byId('sources-clear').hidden = !chosen.prior && !chosen.budget;
}

/** `workbook()`: the name the reminder is kept under (the file's name; in Excel its unit and year). */
export function registerSourcePickers(workbook: () => string, changed: () => void): void {
  for (const kind of ['prior', 'budget'] as const)
    input(kind).addEventListener('change', () => {
      const file = input(kind).files?.[0];
      const name = workbook();
      if (file && name) {
        try {
          localStorage.setItem(KEY + name, JSON.stringify({ ...remembered(name), [kind]: file.name }));
        } catch {
          // Storage refused (private mode, policy): the reminder is a convenience only.
        }
      }
      showSources(name);
      changed();
    });
  byId('sources-clear').addEventListener('click', () => {
    for (const kind of ['prior', 'budget'] as const) input(kind).value = '';
    showSources(workbook());
    changed();
  });
}
