/**
 * A minimal OLE compound file (CFB, [MS-CFB] version 3, 512-byte sectors), enough to stand for an encrypted
 * .xlsx ([MS-OFFCRYPTO]: streams "EncryptionInfo" and "EncryptedPackage") or an .xls ("Workbook"). Streams are
 * padded to 4096 bytes so that they live in regular sectors (no mini stream is needed).
 */
const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

export function compoundFile(streams: Array<{ name: string; data: Uint8Array }>): Buffer {
  if (streams.length > 3) throw new Error('one directory sector holds the root and three streams');
  const sized = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const data = Buffer.alloc(size);
    Buffer.from(s.data).copy(data);
    return { name: s.name, data, length: Math.max(4096, s.data.length) };
  });
  // Sector 0: FAT; sector 1: directory; then each stream's sectors in turn.
  let next = 2;
  const starts = sized.map((s) => {
    const start = next;
    next += s.data.length / SECTOR;
    return start;
  });
  const totalSectors = next;
  if (totalSectors > SECTOR / 4) throw new Error('one FAT sector maps 128 sectors');

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(0, 40); // directory sectors (0 in version 3)
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(0, 52); // transaction signature
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // first mini FAT sector
  header.writeUInt32LE(0, 64); // mini FAT sectors
  header.writeUInt32LE(ENDOFCHAIN, 68); // first DIFAT sector
  header.writeUInt32LE(0, 72); // DIFAT sectors
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREESECT, 76 + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  sized.forEach((s, i) => {
    const count = s.data.length / SECTOR;
    for (let k = 0; k < count; k++) fat.writeUInt32LE(k === count - 1 ? ENDOFCHAIN : starts[i] + k + 1, (starts[i] + k) * 4);
  });

  const dir = Buffer.alloc(SECTOR);
  const entry = (index: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(dir, at);
    dir.writeUInt16LE(encoded.length, at + 64);
    dir.writeUInt8(type, at + 66); // 5 root storage, 2 stream
    dir.writeUInt8(1, at + 67); // black
    dir.writeUInt32LE(NOSTREAM, at + 68); // left sibling
    dir.writeUInt32LE(right, at + 72); // right sibling
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  // Siblings form a (degenerate, all-black) tree ordered by name length, then name: a chain to the right.
  const order = sized.map((s, i) => ({ ...s, i })).sort((a, b) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1));
  entry(0, 'Root Entry', 5, order.length ? order[0].i + 1 : NOSTREAM, NOSTREAM, ENDOFCHAIN, 0);
  order.forEach((s, k) => entry(s.i + 1, s.name, 2, NOSTREAM, k + 1 < order.length ? order[k + 1].i + 1 : NOSTREAM, starts[s.i], s.length));
  for (let i = sized.length + 1; i < 4; i++) {
    dir.writeUInt32LE(NOSTREAM, i * 128 + 68);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 72);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 76);
  }
  return Buffer.concat([header, fat, dir, ...sized.map((s) => s.data)]);
}

/** An "encrypted .xlsx": the two streams Excel writes when a workbook has an opening password (content is junk). */
export function encryptedXlsx(): Buffer {
  // EncryptionInfo starts with its version (4.4 = agile encryption) and flags, then an XML descriptor.
  const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0"?><encryption/>')]);
  const pkg = Buffer.alloc(4096, 0x5a);
  pkg.writeBigUInt64LE(4000n, 0); // StreamSize
  return compoundFile([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: pkg },
  ]);
}

/** An .xls (BIFF8): a "Workbook" stream starting with a BOF record. */
export function oldXls(): Buffer {
  const bof = Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0x54, 0x38, 0xcd, 0x07, 0xc1, 0x80, 0x00, 0x00, 0x06, 0x03, 0x00, 0x00]);
  return compoundFile([{ name: 'Workbook', data: bof }]);
}
