// Draws the extension icon, images/icon.png: a red square seal with the
// character 公 in white strokes (阴文), 128×128, anti-aliased by supersampling.
// No dependencies: the PNG is written with node:zlib.
// Usage: node scripts/make-icon.mjs [out.png] [size]
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'images/icon.png');
const SIZE = Number(process.argv[3] ?? 128);
const SS = 4; // samples per pixel per axis

const RED = [200, 16, 46];
const WHITE = [255, 255, 255];

// Geometry in unit coordinates (0..1, y down).
const SEAL = { x0: 0.06, y0: 0.06, x1: 0.94, y1: 0.94, r: 0.1 };
const BORDER = { x0: 0.13, y0: 0.13, x1: 0.87, y1: 0.87, r: 0.05, w: 0.025 };
// 公: 八 (撇, 捺) above 厶 (撇折 and 点), as polylines with a stroke width.
const GLYPH = { x0: 0.2, y0: 0.19, size: 0.6 };
/** Points along a quadratic Bézier curve from a through control c to b. */
function curve(a, c, b, n = 16) {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = i / n;
    return [0, 1].map((k) => (1 - t) ** 2 * a[k] + 2 * (1 - t) * t * c[k] + t ** 2 * b[k]);
  });
}
const STROKES = [
  { w: 0.11, pts: curve([0.4, 0.04], [0.33, 0.3], [0.06, 0.46]) }, // 撇
  { w: 0.11, pts: curve([0.58, 0.04], [0.68, 0.3], [0.96, 0.44]) }, // 捺
  { w: 0.11, pts: [[0.52, 0.5], [0.2, 0.9], [0.8, 0.84]] }, // 撇折
  { w: 0.11, pts: curve([0.64, 0.63], [0.76, 0.76], [0.84, 0.95]) }, // 点
];

function inRoundRect(x, y, r) {
  if (x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1) return false;
  const cx = Math.min(Math.max(x, r.x0 + r.r), r.x1 - r.r);
  const cy = Math.min(Math.max(y, r.y0 + r.r), r.y1 - r.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.r ** 2;
}

function inBorder(x, y) {
  const inner = { x0: BORDER.x0 + BORDER.w, y0: BORDER.y0 + BORDER.w, x1: BORDER.x1 - BORDER.w, y1: BORDER.y1 - BORDER.w, r: Math.max(0, BORDER.r - BORDER.w) };
  return inRoundRect(x, y, BORDER) && !inRoundRect(x, y, inner);
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inGlyph(x, y) {
  const gx = (x - GLYPH.x0) / GLYPH.size;
  const gy = (y - GLYPH.y0) / GLYPH.size;
  for (const s of STROKES) {
    for (let i = 0; i + 1 < s.pts.length; i++) if (distToSegment(gx, gy, s.pts[i], s.pts[i + 1]) <= s.w / 2) return true;
  }
  return false;
}

/** RGBA of one pixel, averaged over SS×SS samples. */
function pixel(px, py) {
  let r = 0, g = 0, b = 0, a = 0;
  for (let sy = 0; sy < SS; sy++) {
    for (let sx = 0; sx < SS; sx++) {
      const x = (px + (sx + 0.5) / SS) / SIZE;
      const y = (py + (sy + 0.5) / SS) / SIZE;
      if (!inRoundRect(x, y, SEAL)) continue;
      const c = inGlyph(x, y) || inBorder(x, y) ? WHITE : RED;
      r += c[0]; g += c[1]; b += c[2]; a += 255;
    }
  }
  const n = SS * SS;
  // colour averaged over the covered samples (no dark fringe), alpha by coverage
  return a ? [Math.round(r / (a / 255)), Math.round(g / (a / 255)), Math.round(b / (a / 255)), Math.round(a / n)] : [0, 0, 0, 0];
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
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const [r, g, b, a] = pixel(x, y);
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
  }
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(out, png);
console.log(`wrote ${out} (${SIZE}×${SIZE}, ${png.length} bytes)`);
