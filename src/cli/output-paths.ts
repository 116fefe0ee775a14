/**
 * Where a command may write, and how. No command writes over what it reads: every output path is compared with
 * every input before anything is written. “The same file” is decided by the file system, not by the spelling:
 * two paths name the same file when they lead to the same device and inode — so a symbolic link, `./a/../a.xlsx`,
 * a hard link and, where the file system ignores case (Windows, macOS), `A.XLSX` for `a.xlsx` are all caught.
 * Writing goes to a temporary file in the target folder that is then renamed over the target, so an interrupted
 * write never leaves half a file; missing folders are created.
 */
import { mkdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeFailure } from '../hosts/file/fs-errors';

/** An output that cannot be written: the message (Chinese, naming the path and why) is for stderr; exit 2. */
export class OutputProblem extends Error {}

interface Known {
  path: string;
  /** device:inode, when the path exists. */
  id?: string;
}

/** What a command reads: files (workbooks, a narrative) and the folders it walks. */
export interface Inputs {
  files: Known[];
  folders: Known[];
}

/** device:inode of what `path` leads to (links followed), or undefined when nothing is there. */
async function identity(path: string): Promise<string | undefined> {
  // bigint: NTFS file ids exceed 2^53 and would compare equal when rounded to a Number.
  const info = await stat(path, { bigint: true }).catch(() => undefined);
  return info ? `${info.dev}:${info.ino}` : undefined;
}

export async function inputsOf(files: readonly string[], folders: readonly string[] = []): Promise<Inputs> {
  const known = (paths: readonly string[]) => Promise.all(paths.map(async (path) => ({ path, id: await identity(path) })));
  return { files: await known(files), folders: await known(folders) };
}

/** The input `path` leads to: by identity, or — for an input that does not exist — by its resolved spelling. */
async function inputAt(path: string, list: readonly Known[]): Promise<Known | undefined> {
  const id = await identity(path);
  const spelled = resolve(path).toLowerCase();
  return list.find((k) => (k.id && id ? k.id === id : !k.id && resolve(k.path).toLowerCase() === spelled));
}

/**
 * Why the output file `out` (option `option`, e.g. “--docx”) may not be written, or undefined when it may: it is
 * one of the inputs, or an input folder.
 */
export async function refuseOutputFile(out: string, option: string, inputs: Inputs): Promise<string | undefined> {
  const file = await inputAt(out, inputs.files);
  if (file) return `${option} 的输出“${out}”就是输入文件“${file.path}”：本工具不会改动输入文件，没有写出任何文件。请指定另一个输出文件名。`;
  const folder = await inputAt(out, inputs.folders);
  if (folder) return `${option} 的输出“${out}”是要审核的文件夹“${folder.path}”，不是文件：没有写出任何文件。请指定另一个输出文件名。`;
  return undefined;
}

/**
 * Why the output folder `dir` may not be written into, or undefined when it may: it is an input file, or an input
 * folder — or, with `notInside`, lies inside one (the next walk of that folder would check the copies written
 * there as if they were workbooks).
 */
export async function refuseOutputFolder(dir: string, option: string, inputs: Inputs, notInside = false): Promise<string | undefined> {
  const file = await inputAt(dir, inputs.files);
  if (file) return `${option} 的输出目录“${dir}”就是输入文件“${file.path}”：本工具不会改动输入文件，没有写出任何文件。请指定一个文件夹。`;
  const folder = await inputAt(dir, inputs.folders);
  if (folder) return `${option} 的输出目录“${dir}”就是要审核的文件夹“${folder.path}”：输出会混入原表，没有写出任何文件。请指定该文件夹以外的目录。`;
  if (!notInside) return undefined;
  const outer = await enclosingInputFolder(dir, inputs.folders);
  if (outer)
    return `${option} 的输出目录“${dir}”在要审核的文件夹“${outer.path}”之中：下次审核该文件夹时，写出的副本会被当作工作簿再审核一遍。没有写出任何文件，请指定该文件夹以外的目录。`;
  return undefined;
}

/** The input folder that holds `dir` (at any depth), following links as the file system will when writing. */
async function enclosingInputFolder(dir: string, folders: readonly Known[]): Promise<Known | undefined> {
  const ids = new Map(folders.filter((f) => f.id).map((f) => [f.id!, f]));
  if (ids.size === 0) return undefined;
  // The folders to be created do not exist yet: the nearest existing one decides where they will be.
  let existing = dir;
  while ((await identity(existing)) === undefined && dirname(existing) !== existing) existing = dirname(existing);
  let real = await realpath(existing).catch(() => resolve(existing));
  for (;;) {
    const id = await identity(real);
    if (id && ids.has(id)) return ids.get(id);
    if (dirname(real) === real) return undefined;
    real = dirname(real);
  }
}

let written = 0;

/**
 * Writes `data` to `path` through a temporary file beside it, creating missing folders. Throws an OutputProblem
 * (Chinese, naming `path` and the reason) when the file system refuses.
 */
export async function writeOutput(path: string, data: Uint8Array | string): Promise<void> {
  // A short name: a long target name must not make the temporary one too long. Not .xlsx: a walk never picks
  // up a leftover.
  const temp = join(dirname(path), `.~juesuan-${process.pid}-${++written}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new OutputProblem(writeFailure(path, error));
  }
}

/** Creates `dir` (and its parents); throws an OutputProblem when it cannot. */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new OutputProblem(writeFailure(dir, error));
  }
}
