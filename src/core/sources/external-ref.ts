/**
 * A cell of another workbook, written as Excel writes an external reference: `[book.xlsx]Sheet!A1`. Excel forbids
 * `[` and `]` in sheet names, so such a reference never names a sheet of the workbook being checked: hosts that
 * colour or select cells leave it unresolved instead of marking the wrong sheet, and messages can still quote it.
 */
export function externalRef(book: string, cell: string): string {
  return `[${book.replace(/[[\]]/g, '')}]${cell}`;
}

export function isExternalRef(ref: string): boolean {
  return ref.startsWith('[');
}

/** The cells of the workbook itself (a finding's `cells` never point into another workbook). */
export function localCells(refs: readonly string[]): string[] {
  return refs.filter((r) => r !== '' && !isExternalRef(r));
}
