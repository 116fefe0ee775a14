/**
 * The bad-input catalogue: every kind of bad file the tests feed the CLI, the finding it gets and the exact
 * message (for the file the test builds). docs/bad-input.md is rendered from this list (`npm run docs`) and
 * test/bad-input/doc.test.ts fails when the two differ; each entry's test asserts its message word for word.
 */
import type { Severity } from '../../src/core/findings/finding';

export interface CatalogueEntry {
  id: string;
  /** The bad input, as a reviewer would describe it. */
  input: string;
  /** The finding's rule id; null when the input is read normally and nothing is reported. */
  rule: string | null;
  severity?: Severity;
  /** The message for the test's file, word for word. */
  message?: string;
  /** What happens, and what the rest of the check does. */
  handling: string;
  /** The test that holds the entry to its word. */
  test: string;
}

const FILES = 'test/bad-input/files.test.ts';
const TABLES = 'test/bad-input/tables.test.ts';
const CELLS = 'test/bad-input/cells.test.ts';
const MERGES = 'test/bad-input/merges.test.ts';
const STRAY = 'test/bad-input/stray.test.ts';

export const CATALOGUE: CatalogueEntry[] = [
  // ------------------------------------------------------------------------------------------- the file itself
  {
    id: 'empty-file',
    input: '空文件（0 字节）',
    rule: 'read-file-unreadable',
    severity: 'error',
    message: '无法读取文件“empty.xlsx”：文件为空（0 字节），不是 Excel 工作簿。请重新导出或复制该文件。',
    handling: '该文件一条错误，批量审核中其余文件照常审核，退出码 1。',
    test: FILES,
  },
  {
    id: 'not-xlsx',
    input: '不是 Excel 文件（文本文件改名为 .xlsx）',
    rule: 'read-file-unreadable',
    severity: 'error',
    message: '无法读取文件“notes.xlsx”：不是 .xlsx 工作簿（文件头不是 zip 格式）。请确认选择了 Excel 工作簿文件。',
    handling: '按文件头识别，不交给 zip 解析器；网页、PDF 各有专门说明（见下两条）。',
    test: FILES,
  },
  {
    id: 'web-page',
    input: '系统导出的“Excel”实为网页/XML',
    rule: 'read-file-unreadable',
    severity: 'error',
    message: '无法读取文件“export.xlsx”：这是网页/XML 文件而不是 .xlsx 工作簿（有些系统导出的“Excel”实为网页）。请在 Excel 中打开后另存为 .xlsx。',
    handling: '同上。',
    test: FILES,
  },
  {
    id: 'pdf',
    input: 'PDF 文件',
    rule: 'read-file-unreadable',
    severity: 'error',
    message: '无法读取文件“scan.xlsx”：这是 PDF 文件，不是 Excel 工作簿。请使用报表的 .xlsx 原文件。',
    handling: '同上。',
    test: FILES,
  },
  {
    id: 'zip-not-workbook',
    input: 'zip 文件但不是工作簿（如改名的 .docx）',
    rule: 'read-file-unreadable',
    severity: 'error',
    message: '无法读取文件“report.xlsx”：文件是 zip 压缩包，但其中没有 Excel 工作表（可能是 Word/PowerPoint 文档或普通压缩包）。请选择 .xlsx 工作簿。',
    handling: '能解压但没有工作表时报告，不再列出九张表“未找到”。',
    test: FILES,
  },
  {
    id: 'truncated',
    input: '文件不完整（下载/复制中断，截去一半）',
    rule: 'read-file-unreadable',
    severity: 'error',
    message: '无法读取文件“truncated.xlsx”：文件已损坏或不完整（可能下载/复制中断），无法作为 .xlsx 打开。请在 Excel 中打开并另存为 .xlsx 后重试。',
    handling: '解压库的原始报错（英文）先用中文解释（如“文件不完整或已损坏（zip 结构残缺…）”），英文原文作为“（技术信息：…）”附后，放在 finding 的 actual 字段；提示本身对所有损坏文件相同。',
    test: FILES,
  },
  {
    id: 'encrypted',
    input: '设置了打开密码的 .xlsx（加密后为 OLE 复合文件，含 EncryptionInfo 流）',
    rule: 'read-file-unreadable',
    severity: 'error',
    message: '无法读取文件“secret.xlsx”：文件设置了打开密码（已加密），无法读取。请在 Excel 中取消“用密码进行加密”后另存为 .xlsx 再审核。',
    handling: '在整个文件中查找 EncryptionInfo/EncryptedPackage 流名（目录可能位于文件末尾），不尝试解密。',
    test: FILES,
  },
  {
    id: 'old-xls',
    input: '旧版 .xls（Excel 97-2003，OLE 复合文件，含 Workbook 流）',
    rule: 'read-file-unreadable',
    severity: 'error',
    message: '无法读取文件“old.xls”：这是旧版 Excel 97-2003 格式（.xls）。请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）后再审核。',
    handling: '文件夹中的 .xls 也会被收集并得到这条提示，而不是被静默跳过。',
    test: FILES,
  },
  // --------------------------------------------------------------------------------------------- the tables
  {
    id: 'no-tables',
    input: '工作簿中没有任何决算表',
    rule: 'read-table-missing',
    severity: 'error',
    message:
      '未找到公开01表（收入支出决算总表）：在所有工作表中查找标题含“收入支出决算总表”（或同义标题）且下方有对应表头的表格。请检查该表是否遗漏、标题是否被改动。',
    handling: '九张表各一条“未找到”错误（此处列出公开01表的一条），说明按什么查找；规则只在有表时运行。',
    test: TABLES,
  },
  {
    id: 'missing-table',
    input: '缺少一张表（删除了公开05表）',
    rule: 'read-table-missing',
    severity: 'error',
    message:
      '未找到公开05表（一般公共预算财政拨款支出决算表）：在所有工作表中查找标题含“一般公共预算财政拨款支出决算表”（或同义标题）且下方有对应表头的表格。请检查该表是否遗漏、标题是否被改动。',
    handling: '其余八张表照常读取和审核；需要公开05表的跨表规则跳过。',
    test: TABLES,
  },
  {
    id: 'duplicate-table',
    input: '同一张表出现两次（公开05表另有一份副本）',
    rule: 'read-table-duplicate',
    severity: 'warning',
    message:
      '公开05表（一般公共预算财政拨款支出决算表）出现了 2 次（工作表“公开05表”A1:E30、工作表“公开05表（草稿）”A1:E30），本次审核使用工作表“公开05表”中的一份；请删除多余的副本。',
    handling: '使用可见工作表上数字最多的一份（数量相同时取先出现的），其余副本只报告、不合并。',
    test: TABLES,
  },
  {
    id: 'hidden-sheet',
    input: '表格在隐藏的工作表上',
    rule: 'read-table-hidden',
    severity: 'info',
    message:
      '公开06表（一般公共预算财政拨款基本支出决算明细表）位于隐藏的工作表“公开06表”中，已照常审核；公开前请确认该表是否应取消隐藏。',
    handling:
      '决定：隐藏工作表上的表照常读取和审核，并给一条提示（公开的表不应隐藏）。同一张表在可见和隐藏工作表上各有一份时，使用可见的一份（隐藏的常是旧稿），并报告重复。',
    test: TABLES,
  },
  {
    id: 'many-sheets',
    input: '60 个以上工作表（65 个：九张表之外 56 个附表）',
    rule: null,
    handling: '正常读取，不报告；测试断言九张表都读到且用时不超过 5 秒。',
    test: TABLES,
  },
  {
    id: 'long-sheet-name',
    input: '很长的工作表名（31 个字符，Excel 的上限，含中文）',
    rule: 'read-cell-invalid',
    severity: 'error',
    message:
      '公开05表（一般公共预算财政拨款支出决算表）单元格 2024年度部门决算公开表之第五张：一般公共预算财政拨款支出表!D9（本年支出/基本支出）应为金额，实际为文本“待定”；本次按 0 审核，请改为数字。',
    handling: '单元格引用为“工作表名!A1”，工作表名与工作簿中完全一致（不截断、不加引号）；标记副本能按该引用找到单元格。',
    test: TABLES,
  },
  {
    id: 'odd-sheet-name',
    input: "工作表名含空格、引号和“!”（如“收入!表”“O'Neil 表”““三公”经费表”）",
    rule: 'read-cell-invalid',
    severity: 'error',
    message:
      '公开03表（支出决算表）单元格 收入!表!D9（基本支出）应为金额，实际为文本“待定”；本次按 0 审核，请改为数字。',
    handling: '同上：引用按最后一个“!”分开，工作表名原样保留（修复：此前“未找到”与“栏目无法识别”的提示按第一个“!”截取，会写错单元格/列）。',
    test: TABLES,
  },
  {
    id: 'empty-sheet',
    input: '只有图片的工作表、空工作表（表格以图片形式粘贴）',
    rule: 'read-table-missing',
    severity: 'error',
    message:
      '未找到公开07表（政府性基金预算财政拨款收入支出决算表）：在所有工作表中查找标题含“政府性基金预算财政拨款收入支出决算表”（或同义标题）且下方有对应表头的表格。请检查该表是否遗漏、标题是否被改动。（工作表“图片”“空表”没有任何单元格内容；以图片形式粘贴的表格无法审核，请粘贴为数值。）',
    handling: '有空工作表而某张表未找到时，“未找到”的提示点名这些工作表并说明图片无法审核；表都在时不报告。',
    test: TABLES,
  },
  {
    id: 'table-not-published',
    input: '本地区不公开的表（公开08表缺失，其他各表也没有国有资本经营预算的收支）',
    rule: 'read-table-missing',
    severity: 'warning',
    message:
      '未找到公开08表（国有资本经营预算财政拨款支出决算表）：在所有工作表中查找标题含“国有资本经营预算财政拨款支出决算表”（或同义标题）且下方有对应表头的表格。请检查该表是否遗漏、标题是否被改动。其他各表中没有应列入本表的金额；如本单位无此类收支，按规定仍应保留本表格式并注明“本表无数据”。',
    handling: '只报一条：其他各表有应列入该表的金额时为错误（并列出这些单元格），没有时为警告，2019 年及以前的报表缺公开08表为提示；其余各表照常审核。',
    test: TABLES,
  },
  {
    id: 'header-unplaceable',
    input: '表头缺少必需的栏目（公开05表没有“基本支出”栏）',
    rule: 'read-table-unreadable',
    severity: 'warning',
    message:
      '找到了公开05表（一般公共预算财政拨款支出决算表）（工作表“公开05表”A1），但表头“项目|本年支出 / 小计|项目支出 / 科目代码|科目名称”中未能找到“基本支出”栏，无法确定各栏的含义，本表及与本表有关的核对均未进行。请核对该表的表头是否与标准格式一致。',
    handling: '该表一条警告，说明哪一栏找不到；该表及与该表有关的核对均不进行，不逐行报错。',
    test: TABLES,
  },
  {
    id: 'header-mislabel',
    input: '表头栏目名称写错（公开03表“基本支出”写成“基本费用”）',
    rule: 'read-column-inferred',
    severity: 'warning',
    message:
      '公开03表（支出决算表）第 D 列的表头“基本费用”不是本表该栏的标准名称，按列的位置和表内勾稽关系识别为“基本支出”；请核对表头。',
    handling: '按列的位置和表内勾稽关系（合计 = 各栏之和）识别该栏，照常审核；每个写错的表头单元格一条警告。',
    test: TABLES,
  },
  {
    id: 'sangong-in-other-table',
    input: '没有单独的“三公”经费表，“三公”经费是机构运行信息表中的几行',
    rule: 'read-table-block',
    severity: 'info',
    message:
      '未找到单独的公开09表（财政拨款“三公”经费支出决算表），按工作表“机构运行信息表”中的“三公”经费各行（A4:C9）审核。',
    handling: '按那几行的预算数、决算数审核“三公”经费，并提示按哪张表的哪几行审核。',
    test: TABLES,
  },
  // ---------------------------------------------------------------------------------------------- the cells
  {
    id: 'unit-mixed',
    input: '各表金额单位不一致（公开05表为“元”，其余为“万元”）',
    rule: 'read-unit-mismatch',
    severity: 'error',
    message:
      '各表金额单位不一致：多数表为“万元”，公开05表（一般公共预算财政拨款支出决算表）为“元”（公开05表!E3）。本次按各表原值审核，跨表核对的差额可能因此很大；请统一金额单位。',
    handling: '指出单位所在单元格；各表按原值审核（不换算），跨表核对的差额因此会很大。',
    test: CELLS,
  },
  {
    id: 'text-numbers',
    input: '金额为文本或全角数字（“410.65”“３５３．８７”“1,234.56”“(12.30)”）',
    rule: null,
    handling: '决定：按数字读取，不报告（财政系统导出常见，数值精确不变）。读出的金额与数字单元格完全相同。',
    test: CELLS,
  },
  {
    id: 'text-in-amount',
    input: '金额单元格中是文字（“56.78万”“待定”）',
    rule: 'read-cell-invalid',
    severity: 'error',
    message:
      '公开03表（支出决算表）单元格 公开03表!E9（项目支出）应为金额，实际为文本“56.78万”；本次按 0 审核，请改为数字。',
    handling: '指出表、单元格、栏目；按 0 审核，其余单元格和各表照常审核。',
    test: CELLS,
  },
  {
    id: 'date-in-amount',
    input: '金额单元格中是日期（日期值，或设成日期格式的数字）',
    rule: 'read-cell-invalid',
    severity: 'error',
    message:
      '公开05表（一般公共预算财政拨款支出决算表）单元格 公开05表!C8（本年支出/小计）是日期（2024-01-05），应为金额；本次按 0 审核，请改为金额数字（如单元格格式被设成了日期，请改为数值格式）。',
    handling: '说成日期，不说成文本；在 Excel 中（日期是带日期格式的数字）、网页版和命令行中一样。',
    test: CELLS,
  },
  {
    id: 'ref-error',
    input: 'Excel 错误值 #REF!（真正的错误单元格）',
    rule: 'read-cell-invalid',
    severity: 'error',
    message:
      '公开03表（支出决算表）单元格 公开03表!C7（本年支出合计）应为金额，实际为 Excel 错误值“#REF!”（公式出错）；本次按 0 审核，请修正公式或改为数字。',
    handling: '九张表各放一个错误值，九张表都读到（修复：合计行中的错误值曾使该行被当作表头）。',
    test: CELLS,
  },
  {
    id: 'value-error',
    input: 'Excel 错误值 #VALUE!（公式结果为错误）',
    rule: 'read-cell-invalid',
    severity: 'error',
    message:
      '公开03表（支出决算表）单元格 公开03表!D8（基本支出）应为金额，实际为 Excel 错误值“#VALUE!”（公式出错）；本次按 0 审核，请修正公式或改为数字。',
    handling: '同上。',
    test: CELLS,
  },
  {
    id: 'formula-uncalculated',
    input: '公式没有保存计算结果（非 Excel 程序生成的文件）',
    rule: 'read-cell-formula-uncalculated',
    severity: 'error',
    message:
      '公开03表（支出决算表）单元格 公开03表!C7（本年支出合计）是公式“=SUM(C8,C12,C17,C23,C26)”，但文件中没有保存它的计算结果（文件不是由 Excel 保存的）；本次按 0 审核。请在 Excel 或 WPS 中打开该文件、保存后再审核。',
    handling: '修复：此前按空白静默读取（合计变 0，随后一串勾稽错误却不说原因）。现在读出公式文本并指出单元格。',
    test: CELLS,
  },
  {
    id: 'huge-number',
    input: '巨大的数（1e15）',
    rule: 'read-cell-too-large',
    severity: 'error',
    message:
      '公开03表（支出决算表）单元格 公开03表!C10（本年支出合计）的金额 1000000000000000 过大（绝对值不小于 10 万亿），超出 Excel 能精确到分的范围，疑似误填或粘贴错位；本次按 0 审核，请核对。',
    handling: '绝对值不小于 10 万亿的金额无法精确到分（Excel 只保存 15 位有效数字），按 0 审核并报告，不再把几百位的数字写进勾稽提示。',
    test: CELLS,
  },
  {
    id: 'negative-number',
    input: '负数金额',
    rule: 'amount-negative',
    severity: 'warning',
    message:
      '公开03表（支出决算表）第 11 行“2010499 其他发展与改革事务支出”的“本年支出合计”的金额为负数 -56.78。决算表金额一般不应为负（仅公开01表“结余分配”可为负），请核实。',
    handling: '按原值读取；规则 amount-negative 每个负数一条警告（公开01表“结余分配”除外），相关勾稽照常计算。',
    test: CELLS,
  },
  {
    id: 'column-of-words',
    input: '一整列金额栏填了文字（公开05表“项目支出”栏写“无”“见附表”）',
    rule: 'read-cell-invalid',
    severity: 'error',
    message:
      '公开05表（一般公共预算财政拨款支出决算表）第 E 列有 3 个单元格应为金额，实为文字（如 E10“见附表”、E12“无”、E13“无”），本次均按 0 审核；请检查该列是否粘贴错位或表头是否与内容一致。',
    handling: '同一列的文字合为一条，列出所有单元格；该列文字多于数字时不当作金额栏读取。',
    test: CELLS,
  },
  // --------------------------------------------------------------------------------------------- merges
  {
    id: 'merge-header-body',
    input: '合并单元格从表头跨到数据行（C4:C7，把合计行的金额并掉了）',
    rule: 'read-cell-merged',
    severity: 'warning',
    message:
      '公开03表（支出决算表）单元格 公开03表!C7（本年支出合计）与 C4 合并为 C4:C7，合并区域的内容只属于 C4，C7 按空白审核；请取消合并，在各单元格分别填写金额。',
    handling: '修复：此前该金额按空白静默读取。现在指出被合并的金额单元格和合并区域，按空白审核。',
    test: MERGES,
  },
  {
    id: 'merge-amount',
    input: '金额单元格合并（D10:E10 横跨两个金额栏）',
    rule: 'read-cell-merged',
    severity: 'warning',
    message:
      '公开03表（支出决算表）单元格 公开03表!E10（项目支出）与 D10 合并为 D10:E10，合并区域的内容只属于 D10，E10 按空白审核；请取消合并，在各单元格分别填写金额。',
    handling: '合并区域的值只计入左上角单元格；其余被合并的金额单元格各一条警告。',
    test: MERGES,
  },
  {
    id: 'merge-overlap',
    input: '相互重叠的合并区域（文件中 C9:D10 与 D10:E11 重叠，Excel 打开时会提示修复）',
    rule: 'read-merges-overlap',
    severity: 'warning',
    message:
      '文件“overlap.xlsx”中有相互重叠的合并单元格（Excel 打开时会提示“发现无法读取的内容”并修复），本次不按合并区域读取各表；请在 Excel 中打开该文件、修复并保存后再审核。',
    handling: '修复：此前整个文件被报告为“已损坏”。现在不按合并区域重新读取（九张表照常读到），并给一条警告；标记副本同样处理。',
    test: MERGES,
  },
  // ------------------------------------------------------------------------------------------ far away
  {
    id: 'stray-last-row',
    input: '第 1,048,576 行（最后一行）有一个孤立的值，另一张表在 XFD1048576 有值',
    rule: 'read-cells-outside-table',
    severity: 'info',
    message:
      '工作表“公开03表”A1048576 有内容“备用”，距公开03表（支出决算表）末行（第 29 行）1048547 行，不属于该表，未纳入审核；如是误输入，请删除。',
    handling:
      '修复：此前该值被并入表格（区域变成 A1:XFD1048576），审核用时约 2 秒、内存增加约 200 MB。现在行和列都按稀疏方式读取，表格在 100 行以上的空行处结束，孤立的值单独提示；用时与内存见测试。',
    test: STRAY,
  },
];

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** docs/bad-input.md, from the catalogue (`npm run docs` writes it; doc.test.ts compares). */
export function renderCatalogue(entries: readonly CatalogueEntry[] = CATALOGUE): string {
  const rules = [...new Set(entries.map((e) => e.rule).filter((r): r is string => r !== null))];
  const lines = [
    '# 问题文件目录 (bad-input catalogue)',
    '',
    '<!-- Generated by `npm run docs` from test/bad-input/catalogue.ts. Do not edit by hand. -->',
    '',
    '审核助手会遇到各种各样的文件。下表列出测试喂给它的每一类问题文件、得到的审核结果（规则 id、级别）和提示原文。',
    '每一条都有测试（最后一列）逐字核对提示，并核对其余工作照常进行：批量审核中其他文件照常审核，同一工作簿中其他各表的',
    '每个金额与样例完全相同。任何输入都不会让审核中断或打印出程序堆栈：无法读取的文件得到一条 `read-file-unreadable`',
    '错误，意外情况得到 `internal-error`，批量中的下一个文件照常审核（另见 test/safety/corrupted-batch.test.ts：40 个随机',
    '损坏的副本，40 份报告，无堆栈）。',
    '',
    '提示中的文件名、工作表名和单元格是测试所用文件的；其他文件得到同样句式的提示。',
    '',
    `涉及的规则：${rules.map((r) => `\`${r}\``).join('、')}。`,
    '',
    '| # | 情形 | 规则 | 级别 | 提示原文 | 处理 | 测试 |',
    '|---|---|---|---|---|---|---|',
    ...entries.map((e, i) =>
      [
        '',
        String(i + 1),
        cell(e.input),
        e.rule ? `\`${e.rule}\`` : '—',
        e.severity ? SEVERITY_ZH[e.severity] : '—',
        e.message ? cell(e.message) : '（不报告）',
        cell(e.handling),
        `[${e.id}](../${e.test})`,
        '',
      ].join(' | ').trim(),
    ),
    '',
  ];
  return lines.join('\n');
}
