/**
 * Every user-visible string the pane sets from code, in one dictionary (zh-CN first; the add-in is for
 * Chinese 部门决算 only, so `Office.context.displayLanguage` would pick this dictionary anyway).
 */
import type { Severity } from '../core/findings/finding';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
/** "1 个错误", "5 个警告", "3 条提示". */
export const SEVERITY_COUNT: Record<Severity, (n: number) => string> = {
  error: (n) => `${n} 个错误`,
  warning: (n) => `${n} 个警告`,
  info: (n) => `${n} 条提示`,
};

export const S = {
  loading: '正在连接 Excel…',
  notInExcel: '当前不在 Excel 中运行：请选择或拖入 .xlsx 文件进行审核。文件只在本机浏览器中读取，不会上传。',
  working: {
    check: '正在读取工作簿并审核…',
    read: '正在读取文件…',
    narrate: '正在生成情况说明…',
    write: '正在写入“情况说明”工作表…',
    clear: '正在清除标记…',
    template: '正在创建“说明数据”工作表…',
    marked: '正在生成标记副本…',
    docx: '正在生成 Word 文档…',
  },
  checkedIn: (seconds: string) => `用时 ${seconds} 秒。`,
  tablesFound: (n: number) => `找到 ${n}/9 张表。`,
  tableMissing: (code: string) => `未找到公开${code}表`,
  noErrors: '未发现错误。',
  marked: (cells: number) => (cells ? `已在工作簿中标出 ${cells} 个单元格（条件格式，可用“清除标记”一键移除）。` : '没有需要标出的单元格。'),
  markReplaced: (n: number) => `已移除上次审核留下、本次不再需要的 ${n} 处标记（未变化的标记保持不动）。`,
  skippedProtected: (sheets: string) => `以下工作表受保护，未作标记（本加载项不会撤销保护）：${sheets}`,
  skippedMissing: (sheets: string) => `以下工作表已不存在，未作标记：${sheets}`,
  unresolved: (refs: string) => `以下引用无法定位：${refs}`,
  markFailed: '审核已完成，但标记单元格失败：',
  cleared: (n: number) => (n ? `已清除 ${n} 处标记。` : '工作簿中没有本加载项添加的标记。'),
  filterEmpty: '没有符合筛选条件的问题。',
  noFindings: '未发现任何问题。',
  noCells: '（该问题没有对应的单元格）',
  cellsLabel: '单元格：',
  moreCells: (n: number) => `等 ${n} 个`,
  expected: '应为',
  actual: '实为',
  difference: '差额',
  roundingFold: (n: number) => `尾数差异 ${n} 处（均在舍入容差以内，可不调整）`,
  otherGroup: '工作簿',
  /**
   * The step counter (pane-state findingCounts): `listed` findings shown by the filter, `located` of them stepped.
   * `at`: 1-based among the located, 0 before any step.
   */
  stepCounter: (at: number, located: number, listed: number) =>
    located === listed
      ? at
        ? `第 ${at} / ${located} 条`
        : `共 ${listed} 条`
      : located === 0
        ? `共 ${listed} 条，均无对应单元格，不能逐条定位`
        : at
          ? `第 ${at} / ${located} 条（另有 ${listed - located} 条无单元格）`
          : `共 ${listed} 条，其中 ${located} 条可逐条定位`,
  /** A filter's label with the number it shows (the summary's count for that severity). */
  filterLabel: (word: string, n: number) => `${word} ${n}`,
  wentTo: (ref: string) => `已定位到 ${ref}。`,
  previewShown: (ref: string) => `单元格 ${ref}（见该条下方的预览；网页版无法跳转到 Excel）。`,
  previewOf: (ref: string) => `单元格预览：${ref}`,
  previewMissing: (ref: string) => `无法在文件中找到 ${ref}。`,
  narrativeReady: (lines: number) => `已生成情况说明（${lines} 行）。`,
  narrativePlaceholders: (n: number) => `其中 ${n} 处【请填写：…】需要补充：可在“说明数据”工作表中填写后重新生成。`,
  narrativeDoubtful: (n: number) => `另有 ${n} 处因公开表数据存疑未写数字，请先核对公开表中的相关问题。`,
  narrativeWritten: (sheet: string, rows: number, created: boolean) =>
    `已${created ? '新建' : '更新'}“${sheet}”工作表（${rows} 行，每段一行）。`,
  narrativeSplit: (n: number) => `其中 ${n} 段过长，已在句末拆成多行（Excel 每行最高 409 磅）。`,
  narrativeFirst: '请先生成情况说明。',
  copied: '已复制到剪贴板。',
  copyFailed: '无法访问剪贴板：请在下方文字中手动选择并复制（Ctrl+C）。',
  templateWritten: (sheet: string, created: boolean, cells: number) =>
    `已${created ? '新建' : '写入'}“${sheet}”工作表（${cells} 个单元格）：请填写上年数、年初预算、原因等，再点“生成情况说明”。`,
  noFile: '请先选择或拖入 .xlsx 文件。',
  filesRead: (n: number) => `已审核 ${n} 个文件。`,
  readingFile: (i: number, n: number, name: string) => `正在读取第 ${i}/${n} 个文件：${name}`,
  fileFailed: (name: string, detail: string) => `无法读取文件“${name}”：${detail}。请在 Excel 中打开并另存为 .xlsx 后重试。`,
  markedDownloaded: (name: string, cells: number) => `已下载“${name}”（标出 ${cells} 个单元格）。`,
  markedSkipped: (n: number) => `另有 ${n} 个单元格不在文件中，未标出。`,
  downloaded: (name: string) => `已下载“${name}”。`,
  batchCaption: '批量审核汇总',
  batchView: '查看',
  batchViewing: '查看中',
  batchTop: '主要问题',
  batchNone: '未发现错误或警告',
  batchUnreadable: '无法读取',
  batchOpen: (open: number, explained: number) => `待处理 ${open} 个${explained ? `（另有 ${explained} 个警告已说明）` : ''}`,
  unexpected: (what: string, detail: string) => `${what}时出现意外错误：${detail}。请刷新页面后重试；如仍失败，请将文件反馈给开发者。`,
  chunkFailed: '无法加载读取 .xlsx 所需的组件（页面文件可能不完整）。请刷新页面后重试。',
  narrativeChunkFailed: '无法加载生成情况说明所需的组件（页面文件可能不完整）。请刷新页面后重试。',
  // 说明数据 template (standalone: a copy of the user's workbook)
  templateDownloaded: (name: string) =>
    `已下载“${name}”：原工作簿的副本，新增了“说明数据”工作表。原文件未作任何改动。请在副本中填写上年数、年初预算、原因等，再选择该副本审核并生成情况说明。`,
  // Reviewer panel (审核情况说明)
  review: {
    working: '正在审核情况说明…',
    readingFile: (name: string) => `正在读取“${name}”…`,
    fileRead: (name: string, lines: number) => `已读入“${name}”（${lines} 行）。`,
    fileTooLarge: (name: string) => `“${name}”超过 20 MB，不像是情况说明文件。请选择 .txt 或 .docx 文件。`,
    fileRefused: (name: string, ext: string) => `不支持“${ext}”格式的情况说明“${name}”：请另存为 .docx（Word 文档）或 .txt（纯文本）后重试。`,
    docxFailed: (name: string, detail: string) => `无法读取 Word 文件“${name}”：${detail}。请另存为 .docx 或 .txt 后重试。`,
    empty: '请先在上面粘贴情况说明全文，或选择 .txt / .docx 文件。',
    needWorkbook: '请先选择要对照的决算工作簿（.xlsx），再审核情况说明。',
    noSheet: '工作簿中没有“情况说明”工作表（每段一行，写在 A 列）。可以把情况说明粘贴到上面的文本框后点“审核说明”。',
    chunkFailed: '无法加载审核情况说明所需的组件（页面文件可能不完整）。请刷新页面后重试。',
    pasted: '粘贴的文本',
    sheet: '“情况说明”工作表',
    summary: (where: string, counts: string) => `情况说明审核（${where}）：${counts}。`,
    groupTitle: '情况说明',
    quoteLabel: '原文：',
    lineOf: (line: number) => `第 ${line} 行`,
    textCell: (ref: string) => `（${ref}）`,
    shownIn: (line: number) => `已在下方原文中标出第 ${line} 行。`,
    noCells: '（该问题没有对应的表格单元格，已在下方原文中标出）',
    uncheckedTables: '表格本身尚未在工作簿中标出：点“审核”可标出有问题的单元格。',
  },
  // Explanations (审核说明): what the list shows. The flows' own messages are in ./explain-strings (lazy chunk).
  explain: {
    write: '填写说明',
    edit: '修改说明',
    redo: '重新说明',
    label: (date: string | undefined) => `已说明${date ? `（${date}）` : ''}：`,
    staleLabel: '说明已失效（所涉数值已改动，请重新核实）：',
    chip: '已说明',
    staleChip: '说明已失效',
    fold: (n: number) => `已说明 ${n} 条（单位已填写说明，可展开查看）`,
    foldWord: '警告',
    summary: (explained: number, open: number) => `其中 ${explained} 个警告已说明；待处理的错误和警告 ${open} 个。`,
    chunkFailed: '无法加载填写说明所需的组件（页面文件可能不完整）。请刷新页面后重试。',
  },
  // Live re-check (Excel)
  live: {
    on: '已开启自动重新审核：修改表格后稍等片刻，会自动重新审核并更新标记。',
    off: '已关闭自动重新审核。',
    rechecked: (n: number) => `检测到 ${n} 处修改，已重新审核。`,
    remote: '（含其他协作者的修改）',
    failed: '自动重新审核失败：',
    stateFailed: '无法在工作簿中保存“自动重新审核”的设置（本次仍然有效）：',
    /** Beside the switch: what a re-check does to Excel's undo (Ctrl+Z) on this Excel (host.undoBehaviour). */
    undo: {
      clears:
        '对“撤销”的影响（默认关闭）：在当前 Excel 版本中，加载项每次更新标记都会清空 Excel 的撤销记录，此前的修改将无法再用 Ctrl+Z 撤销。标记没有变化时不写入工作簿。',
      steps: '对“撤销”的影响（默认关闭）：每次更新标记会在 Excel 的撤销记录中增加一步，按 Ctrl+Z 会先撤销标记的更新。标记没有变化时不写入工作簿。',
      grouped:
        '对“撤销”的影响（默认关闭）：每次自动重新审核对标记的更新记为一步撤销，按 Ctrl+Z 会先撤销这一步，再撤销您自己的修改。标记没有变化时不写入工作簿。',
    },
  },
} as const;
