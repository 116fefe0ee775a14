/**
 * The explanation flows' messages and the form's words (chunk "explain": loaded with ./explain-flows, never
 * with the initial bundle). What the findings list itself shows is in ./strings (S.explain).
 */
export const E = {
  save: '保存说明',
  cancel: '取消',
  remove: '删除说明',
  formLabel: '说明（核实的情况与理由）',
  placeholder: '例如：核实无误：……',
  hint: '说明记入工作簿的“审核说明”工作表，审核人员打开文件即可看到。所涉单元格的数值改动后，说明即失效，需要重新核实。',
  working: '正在写入“审核说明”工作表…',
  workingPage: '正在记录说明…',
  saved: (sheet: string) => `已保存说明（“${sheet}”工作表）。`,
  savedPage: '已记录说明。请点“下载审核副本”保存带“审核说明”工作表的工作簿（原文件不变）。',
  removed: '已删除该说明。',
  gone: '该问题已不在审核结果中（表格可能已修改）：请重新审核后再填写说明。',
  resultsWorking: '正在写入“审核结果”工作表…',
  resultsWritten: (sheet: string, rows: number, created: boolean) => `已${created ? '新建' : '更新'}“${sheet}”工作表（${rows} 个问题各占一行，单元格一栏可点击跳转）。`,
  resultsRefreshed: '“审核结果”工作表已同步更新。',
  reviewedDownloaded: (name: string) => `已下载“${name}”：原工作簿的副本，新增“审核结果”工作表（以及已填写的“审核说明”）。原文件未作任何改动。`,
} as const;
