/** What every renderer needs: the book, the switches, seeded randomness, and the head-writing conventions. */
import type { TableCode } from '../../../src/core/tables/codes';
import { Block } from './block';
import type { Book } from './canonical';
import { noisyHead } from './labels';
import { rngFor, type Rng } from './rng';
import type { Switches } from './switches';

export class Ctx {
  private noise = 0;

  constructor(
    readonly book: Book,
    readonly s: Switches,
    readonly seed: number,
  ) {}

  rng(purpose: string): Rng {
    return rngFor(this.seed, purpose);
  }

  block(table?: TableCode): Block {
    return new Block(table);
  }

  /** A head label as this layout writes it (broken by spaces or line breaks when headNoise=broken). */
  word(label: string): string {
    return this.s.headNoise === 'broken' ? noisyHead(label, this.noise++) : label;
  }

  /** A head over rows top..bottom and columns left..right: merged, or written once in the top-left cell. */
  span(b: Block, top: number, left: number, bottom: number, right: number, label: string): void {
    b.head(top, left, this.word(label));
    b.merge(top, left, bottom, right, this.s.headMerge === 'merged');
  }

  /** A merged text line (titles, statements, notes inside the frame); merged whatever headMerge says. */
  line(b: Block, row: number, left: number, right: number, text: string, merged = true): void {
    b.text(row, left, text);
    b.merge(row, left, row, right, merged);
  }

  /** A 科目 code cell value: text, or a number where codeType=number (2-digit parts stay text: “06”). */
  code(code: string): string | number {
    return this.s.codeType === 'number' && !code.startsWith('0') ? Number(code) : code;
  }
}
