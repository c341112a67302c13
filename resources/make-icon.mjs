#!/usr/bin/env node
// Draws resources/icon.png (512×512, RGBA): a blue rounded square with a white envelope, and the same drawing as
// src/main/electron/tray-icon.png (32×32) for the system tray. The tray icon lives beside main's code, not here:
// electron-vite leaves `?asset` imports from resources/ (its publicDir) in place instead of copying them into out/,
// and only out/** is packaged. Plain zlib, no image libraries and no downloads; electron-builder derives the
// .ico/.icns from icon.png. Run: node resources/make-icon.mjs
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BLUE = [0x0b, 0x4d, 0xa2, 255];
const WHITE = [255, 255, 255, 255];
const FOLD = [0xc9, 0xd8, 0xee, 255];
const CLEAR = [0, 0, 0, 0];

// The geometry is drawn for 512 and scaled, so both sizes show the same picture. The flap line is thicker at small
// sizes (minimum 1.5 px) or it disappears in a 32 px tray icon.
const draw = (SIZE) => {
  const s = SIZE / 512;
  const insideRoundedSquare = (x, y, inset, radius) => {
    const lo = inset + radius;
    const hi = SIZE - 1 - inset - radius;
    const cx = Math.min(Math.max(x, lo), hi);
    const cy = Math.min(Math.max(y, lo), hi);
    return (
      (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= inset && y >= inset && x < SIZE - inset && y < SIZE - inset
    );
  };

  // Envelope body, and the two lines of its flap (a V from the top corners to the centre).
  const env = { left: 116 * s, right: 396 * s, top: 156 * s, bottom: 356 * s };
  const flapWidth = Math.max(9 * s, 1.5);
  const nearFlap = (x, y) => {
    const midX = (env.left + env.right) / 2;
    const midY = env.top + (env.bottom - env.top) * 0.55;
    const side = x <= midX ? env.left : env.right;
    // distance from (x, y) to the segment (side, top) → (midX, midY)
    const [ax, ay, bx, by] = [side, env.top, midX, midY];
    const t = Math.max(
      0,
      Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    );
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= flapWidth;
  };

  const pixel = (x, y) => {
    if (!insideRoundedSquare(x, y, 16 * s, 96 * s)) return CLEAR;
    const inEnvelope = x >= env.left && x <= env.right && y >= env.top && y <= env.bottom;
    if (inEnvelope) return nearFlap(x, y) ? FOLD : WHITE;
    return BLUE;
  };

  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, row + 1 + x * 4);
  }
  return raw;
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const png = (size) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(draw(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const here = dirname(fileURLToPath(import.meta.url));
for (const [out, size] of [
  [join(here, 'icon.png'), 512],
  [join(here, '..', 'src', 'main', 'electron', 'tray-icon.png'), 32],
]) {
  const bytes = png(size);
  writeFileSync(out, bytes);
  process.stdout.write(`wrote ${out} (${bytes.length} bytes)\n`);
}
