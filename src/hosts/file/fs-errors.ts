/**
 * Node's file-system errors in the user's words. Node's own messages (“ENOTDIR: not a directory, open …”) are
 * English and name a system call: every error a command meets while reading or writing a path goes through
 * here, so the user reads what happened to which path and what to do. A code not listed keeps Node's words, but
 * inside a Chinese sentence that says what they are.
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';

const REASONS: Record<string, string> = {
  ENOENT: '文件或文件夹不存在',
  ENOTDIR: '路径中有一段是文件而不是文件夹',
  EISDIR: '这是文件夹，不是文件',
  EEXIST: '已有同名的文件或文件夹',
  EACCES: '没有权限（请检查该文件或文件夹的权限，或换一个位置）',
  EPERM: '操作系统不允许（没有权限、文件为只读，或正被其他程序打开，例如在 Excel 中）',
  EROFS: '所在的磁盘或共享是只读的',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '磁盘配额已用完',
  ENAMETOOLONG: '文件名或路径太长',
  EBUSY: '文件正被其他程序使用（例如在 Excel 中打开着），请关闭后重试',
  ETXTBSY: '文件正被其他程序使用，请关闭后重试',
  EMFILE: '同时打开的文件太多，请稍后重试',
  ENFILE: '系统同时打开的文件太多，请稍后重试',
  EIO: '读写磁盘时出错（磁盘或网络共享可能有故障）',
  ELOOP: '路径中的快捷方式（符号链接）循环指向自身',
  EINVAL: '文件名中有操作系统不允许的字符',
  EXDEV: '不能跨磁盘移动文件',
  ENOTEMPTY: '文件夹不是空的',
  ENXIO: '这不是普通文件（设备或管道）',
};

/** The error's code, if Node gave it one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Why `error` happened, in Chinese. `path`: the path the command was working on, to name the part of it that is
 * a file where a folder is expected (ENOTDIR, or EEXIST from creating a folder).
 */
export function fsReason(error: unknown, path?: string): string {
  const code = errorCode(error);
  if (path && (code === 'ENOTDIR' || code === 'EEXIST')) {
    const file = fileInTheWay(path);
    if (file) return `“${file}”是文件而不是文件夹`;
  }
  if (path && code === 'ENOENT') {
    // Which part is missing: the file itself, or a folder on the way to it.
    let missing = path;
    while (dirname(missing) !== missing && !statOrUndefined(dirname(missing))) missing = dirname(missing);
    return missing === path ? '文件不存在' : `文件夹“${missing}”不存在`;
  }
  if (code && REASONS[code]) return REASONS[code];
  return `操作系统报告的错误（英文原文）：${error instanceof Error ? error.message : String(error)}`;
}

/** “无法写入“path”：reason。” */
export function writeFailure(path: string, error: unknown): string {
  return `无法写入“${path}”：${fsReason(error, path)}。`;
}

/** “无法读取“path”：reason。” */
export function readFailure(path: string, error: unknown): string {
  return `无法读取“${path}”：${fsReason(error, path)}。`;
}

/** `path` or its nearest ancestor that exists, when that is not a folder. */
function fileInTheWay(path: string): string | undefined {
  for (let p = path; p !== dirname(p); p = dirname(p)) {
    const info = statOrUndefined(p);
    if (info) return info.isDirectory() ? undefined : p;
  }
  return undefined;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
