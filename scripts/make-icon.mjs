// Draws the extension icon (128×128 PNG): a Kubernetes-blue tile with a small DNS tree, written
// with zlib alone so no image tool is needed. Run: node scripts/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const N = 128;
const px = new Uint8Array(N * N * 4);
const set = (x, y, [r, g, b, a]) => {
  if (x < 0 || y < 0 || x >= N || y >= N) return;
  const i = (y * N + x) * 4;
  const k = a / 255;
  px[i] = Math.round(px[i] * (1 - k) + r * k);
  px[i + 1] = Math.round(px[i + 1] * (1 - k) + g * k);
  px[i + 2] = Math.round(px[i + 2] * (1 - k) + b * k);
  px[i + 3] = Math.max(px[i + 3], a);
};
const BLUE = [50, 108, 229, 255];
const WHITE = [255, 255, 255, 255];
// Rounded tile.
for (let y = 0; y < N; y++)
  for (let x = 0; x < N; x++) {
    const r = 22;
    const cx = Math.min(Math.max(x, r), N - 1 - r);
    const cy = Math.min(Math.max(y, r), N - 1 - r);
    const d = Math.hypot(x - cx, y - cy);
    if (d <= r) set(x, y, [...BLUE.slice(0, 3), Math.round(255 * Math.min(1, r + 0.5 - d))]);
  }
const disc = (cx, cy, r, c) => {
  for (let y = cy - r - 1; y <= cy + r + 1; y++)
    for (let x = cx - r - 1; x <= cx + r + 1; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if (d <= r + 0.5) set(x, y, [...c.slice(0, 3), Math.round(255 * Math.min(1, r + 0.5 - d))]);
    }
};
const line = (x0, y0, x1, y1, w) => {
  const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2);
  for (let s = 0; s <= steps; s++) disc(Math.round(x0 + ((x1 - x0) * s) / steps), Math.round(y0 + ((y1 - y0) * s) / steps), w, WHITE);
};
// A name tree: zone → namespace → three services.
line(64, 30, 64, 62, 3);
for (const x of [30, 64, 98]) line(64, 62, x, 96, 3);
disc(64, 30, 11, WHITE);
disc(64, 62, 9, WHITE);
for (const x of [30, 64, 98]) disc(x, 96, 10, WHITE);
disc(64, 30, 5, BLUE);

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1);
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8;
ihdr[9] = 6;
writeFileSync('images/icon.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
