// Draws the add-in icons (assets/icon-<size>.png): a blue rounded square with a white check mark.
// Pure node (zlib for the deflate stream, PNG chunks and CRC written here), deterministic output,
// so re-running it leaves the committed PNGs unchanged. Usage: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');

// Fluent "brand" blue; white on it has a contrast ratio of about 4.9:1.
const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];

// Geometry in unit coordinates (0..1 across the icon).
const MARGIN = 1 / 16;
const RADIUS = 0.2;
const CHECK = [
  [0.27, 0.53],
  [0.44, 0.7],
  [0.75, 0.35],
];
const STROKE = 0.125;
const SUBSAMPLES = 8; // 8×8 samples per pixel for anti-aliasing

function insideRoundedSquare(x, y) {
  const lo = MARGIN;
  const hi = 1 - MARGIN;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  // distance from the nearest corner centre, only relevant inside a corner box
  const cx = x < lo + RADIUS ? lo + RADIUS : x > hi - RADIUS ? hi - RADIUS : x;
  const cy = y < lo + RADIUS ? lo + RADIUS : y > hi - RADIUS ? hi - RADIUS : y;
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onCheckMark(x, y) {
  for (let i = 0; i + 1 < CHECK.length; i++) {
    if (distanceToSegment(x, y, CHECK[i], CHECK[i + 1]) <= STROKE / 2) return true;
  }
  return false;
}

/** RGBA pixels (non-premultiplied), row-major. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let check = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
          if (insideRoundedSquare(x, y)) {
            square++;
            if (onCheckMark(x, y)) check++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (square === 0) continue; // fully transparent
      const white = check / square; // share of the covered area that is check mark
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(BLUE[c] * (1 - white) + WHITE[c] * white);
      pixels[o + 3] = Math.round((255 * square) / n);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); // width
  ihdr.writeUInt32BE(size, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT_DIR, `icon-${size}.png`);
  const png = encodePng(size, draw(size));
  writeFileSync(file, png);
  console.log(`wrote ${file} (${png.length} bytes)`);
}
