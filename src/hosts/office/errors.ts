/**
 * Office errors → messages an accountant can act on. OfficeExtension.Error carries a `code` (not localised)
 * and a `message` (localised, "not intended for end users" per the docs): the code decides the text.
 */
import type { HostFailure } from '../host';

export const CELL_EDIT_MESSAGE = '请先退出单元格编辑状态（按 Enter 或 Esc）再操作';

const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: CELL_EDIT_MESSAGE,
  ItemNotFound: '找不到要操作的工作表、单元格或标记（可能已被重命名或删除）。请重新审核后再试。',
  AccessDenied: '工作表受保护或当前无权修改，本次操作未完成。本加载项不会撤销工作表保护，请自行取消保护后重试。',
  ApiNotFound: '当前 Excel 版本不支持此功能。请升级到 Office 2019 或更新版本（或 Microsoft 365 / 网页版 Excel），也可以使用独立的网页版审核页面。',
  ApiNotAvailable: '当前 Excel 版本不支持此功能。请升级到 Office 2019 或更新版本（或 Microsoft 365 / 网页版 Excel），也可以使用独立的网页版审核页面。',
  NotImplemented: '当前 Excel 版本或平台尚未实现此功能。请升级 Office，或使用独立的网页版审核页面。',
  RequestPayloadSizeLimitExceeded: '一次要写入 Excel 的数据超过了上限（网页版 Excel 为 5 MB）。请减少需要标记的内容，或在桌面版 Excel 中操作。',
  ResponsePayloadSizeLimitExceeded: '工作簿内容过多，超过了 Excel 单次读取的上限（网页版 Excel 为 5 MB）。请删除表格以外远处的多余内容（例如末行、末列的零散单元格）后重试。',
  RangeExceedsLimit: '工作表的已用区域过大，超过了 Excel 单次读取的上限。请删除表格以外远处的多余内容（例如末行、末列的零散单元格）后重试。',
  GeneralException: 'Excel 内部出错，本次操作未完成。请稍后重试；如仍失败，请保存文件并重新打开 Excel。',
  InactiveWorkbook: '请先切换回要审核的工作簿窗口，再点击本加载项中的按钮。',
  InvalidSelection: '无法选中该单元格（所在工作表可能已隐藏）。请取消隐藏该工作表后重试。',
  InvalidOperation: 'Excel 拒绝了此操作（工作表可能已隐藏或受保护）。请检查后重试。',
  ItemAlreadyExists: '同名工作表已存在，请改名后重试。',
  ActivityLimitReached: 'Excel 暂时繁忙（操作过于频繁），请稍等片刻再试。',
  MemoryLimitReached: 'Excel 可用内存不足，本次操作未完成。请关闭其他工作簿后重试。',
  Conflict: '工作簿正在被他人同时编辑，操作发生冲突。请稍后重试。',
  UnsupportedSheet: '该工作表类型（宏表或图表工作表）不支持此操作。',
  RequestAborted: '操作被中断，请重试。',
  UndoNotSupported: 'Excel 无法把本次操作记为一步“撤销”，操作未完成。请重试。',
};

const GENERIC = '与 Excel 通信时出错，本次操作未完成。请重试；如仍失败，请保存文件并重新打开 Excel。';

/** The `code` of an OfficeExtension.Error (duck-typed: works across office.js versions and the test fake). */
export function officeErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/**
 * Any error from an Excel.run → a failure the pane can show. `action` names what was being done
 * ("读取工作簿", "标记单元格", …) and prefixes the message.
 */
export function describeOfficeError(error: unknown, action?: string): HostFailure {
  const code = officeErrorCode(error);
  const raw = error instanceof Error ? error.message : String(error);
  const location = (error as { debugInfo?: { errorLocation?: string } } | undefined)?.debugInfo?.errorLocation;
  const detail = [code, raw, location].filter(Boolean).join(' | ').slice(0, 500);
  const text = code ? (BY_CODE[code] ?? GENERIC) : `加载项内部错误：${raw.slice(0, 120)}。请将此信息反馈给开发者。`;
  const message = action && code !== 'InvalidOperationInCellEditMode' ? `${action}失败：${text}` : text;
  return { code: code ?? 'InternalError', message, detail };
}

/** Whether an error says the request or the response was too big (then read in smaller blocks). */
export function isSizeLimitError(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
}
