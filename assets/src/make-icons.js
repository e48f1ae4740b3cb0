/* eslint-env node */
/**
 * Draws the add-in's icons as real PNGs with node's zlib only (no image packages):
 *   icon-{16,32,64,80}.png   the add-in: a blue tile with a white check mark;
 *   check-{16,32,80}.png     "Kiểm tra": a check mark in a circle;
 *   rank-{16,32,80}.png      "Lập bảng xếp hạng": three podium bars;
 *   pane-{16,32,80}.png      "Mở bảng điều khiển": a window with a side pane.
 * Shapes are drawn as distance fields and supersampled 4×4 for smooth edges.
 *
 *   node assets/src/make-icons.js      (writes into assets/)
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BLUE = [15, 108, 189]; // Fluent "brand" blue
const GREEN = [16, 124, 16];
const WHITE = [255, 255, 255];
const GREY = [97, 97, 97];

// ---- PNG encoding --------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA pixels (Uint8Array, w×h×4) → PNG bytes (8-bit RGBA, filter 0 on every row). */
function encodePng(w, h, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * w * 4, w * 4).copy(raw, y * (w * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- Shapes (unit square coordinates, 0..1) ------------------------------------------------

function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return Math.hypot(dx, dy) <= r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
  };
}

function segment(ax, ay, bx, by, halfWidth) {
  return (x, y) => {
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    return Math.hypot(x - (ax + t * vx), y - (ay + t * vy)) <= halfWidth;
  };
}

function ring(cx, cy, r, halfWidth) {
  return (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= halfWidth;
}

function union(...shapes) {
  return (x, y) => shapes.some((s) => s(x, y));
}

function minus(a, b) {
  return (x, y) => a(x, y) && !b(x, y);
}

/** Layers of [shape, colour], later layers on top; transparent elsewhere. */
function render(size, layers) {
  const px = new Uint8Array(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size;
          const v = (y + (sy + 0.5) / S) / size;
          let colour;
          for (const [shape, c] of layers) if (shape(u, v)) colour = c;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
        px[i + 3] = Math.round((255 * a) / (S * S));
      }
    }
  }
  return encodePng(size, size, px);
}

// ---- The icons ------------------------------------------------------------------------------

const check = (w) => union(segment(0.27, 0.52, 0.43, 0.68, w), segment(0.43, 0.68, 0.74, 0.34, w));

const ICONS = {
  icon: [
    [roundRect(0.04, 0.04, 0.96, 0.96, 0.18), BLUE],
    [check(0.075), WHITE],
  ],
  check: [
    [ring(0.5, 0.5, 0.4, 0.065), GREEN],
    [check(0.07), GREEN],
  ],
  rank: [
    [roundRect(0.06, 0.42, 0.34, 0.94, 0.03), GREY],
    [roundRect(0.36, 0.12, 0.64, 0.94, 0.03), BLUE],
    [roundRect(0.66, 0.56, 0.94, 0.94, 0.03), GREY],
  ],
  pane: [
    [minus(roundRect(0.06, 0.12, 0.94, 0.88, 0.06), roundRect(0.13, 0.26, 0.87, 0.81, 0.02)), GREY],
    [roundRect(0.6, 0.26, 0.87, 0.81, 0.0), BLUE],
  ],
};

const SIZES = { icon: [16, 32, 64, 80], check: [16, 32, 80], rank: [16, 32, 80], pane: [16, 32, 80] };

const outDir = path.resolve(__dirname, "..");
for (const [name, layers] of Object.entries(ICONS)) {
  for (const size of SIZES[name]) {
    const file = path.join(outDir, `${name}-${size}.png`);
    fs.writeFileSync(file, render(size, layers));
    console.log(`${path.relative(process.cwd(), file)}`);
  }
}
