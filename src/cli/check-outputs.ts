/**
 * The files `juesuan check` writes besides its printed answer (--report, --marked, --results-sheet), kept
 * apart from the check: an output that is refused or fails never stops the check nor hides its results. Before
 * anything is written, every output is compared with every input (output-paths.ts); one refusal and nothing is
 * written at all (the user corrects the command and runs it again). A write that fails later (disk full, no
 * permission) is said once, and that output writes nothing more. Either way the exit code is 2.
 */
import { join } from 'node:path';
import type { Io } from './main';
import { type Inputs, OutputProblem, inputsOf, makeFolder, refuseOutputFile, refuseOutputFolder, writeOutput } from './output-paths';

export type OutputKind = 'report' | 'marked' | 'results';

const OPTION: Record<OutputKind, string> = { report: '--report', marked: '--marked', results: '--results-sheet' };

export interface CheckOutputTargets {
  reportDir?: string;
  markedDir?: string;
  resultsSheet?: string;
}

export class CheckOutputs {
  private readonly off = new Set<OutputKind>();
  /** Whether any output was refused or failed (exit code 2). */
  failed = false;

  private constructor(
    private readonly inputs: Inputs,
    private readonly io: Io,
  ) {}

  /**
   * Checks every output against the inputs (workbook files, the narrative, the folders walked) and creates the
   * output folders. Prints why an output is refused or cannot be created.
   */
  static async prepare(targets: CheckOutputTargets, inputFiles: readonly string[], inputFolders: readonly string[], io: Io): Promise<CheckOutputs> {
    const outputs = new CheckOutputs(await inputsOf(inputFiles, inputFolders), io);
    const refusals = (
      await Promise.all([
        targets.reportDir === undefined ? undefined : refuseOutputFolder(targets.reportDir, OPTION.report, outputs.inputs),
        // Marked copies are workbooks: inside a folder being checked, the next check of it would read them too.
        targets.markedDir === undefined ? undefined : refuseOutputFolder(targets.markedDir, OPTION.marked, outputs.inputs, true),
        targets.resultsSheet === undefined ? undefined : refuseOutputFile(targets.resultsSheet, OPTION.results, outputs.inputs),
      ])
    ).filter((r): r is string => r !== undefined);
    if (refusals.length) {
      for (const r of refusals) io.err(r);
      io.err('审核照常进行，结果如下；本次没有写出任何文件。');
      outputs.failed = true;
      for (const kind of Object.keys(OPTION) as OutputKind[]) outputs.off.add(kind);
      return outputs;
    }
    const folders: [OutputKind, string][] = [];
    if (targets.reportDir !== undefined) folders.push(['report', join(targets.reportDir, 'reports')], ['report', join(targets.reportDir, 'details')]);
    if (targets.markedDir !== undefined) folders.push(['marked', targets.markedDir]);
    for (const [kind, dir] of folders) {
      if (outputs.off.has(kind)) continue;
      try {
        await makeFolder(dir);
      } catch (error) {
        outputs.fail(kind, error, `${OPTION[kind]} 没有写出任何文件`);
      }
    }
    return outputs;
  }

  /** Whether `kind` still writes (not refused, no failure yet): what is not written need not be made. */
  writes(kind: OutputKind): boolean {
    return !this.off.has(kind);
  }

  /** Writes one file of `kind`; false (said on stderr) when it was not written. */
  async write(kind: OutputKind, path: string, data: Uint8Array | string): Promise<boolean> {
    if (this.off.has(kind)) return false;
    // The output folder was checked as a whole; a file in it may still be an input given by name.
    const refused = await refuseOutputFile(path, OPTION[kind], this.inputs);
    if (refused) {
      this.io.err(refused);
      this.failed = true;
      return false;
    }
    try {
      await writeOutput(path, data);
      return true;
    } catch (error) {
      this.fail(kind, error, `${OPTION[kind]} 的其余文件不再写出`);
      return false;
    }
  }

  /** Says why `kind` cannot be written and turns it off; `rest`: what that means for its other files. */
  private fail(kind: OutputKind, error: unknown, rest: string): void {
    if (!(error instanceof OutputProblem)) throw error;
    this.io.err(`${error.message}${kind === 'results' ? '' : `${rest}；`}审核照常进行。`);
    this.off.add(kind);
    this.failed = true;
  }
}
