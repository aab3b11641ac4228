import sharp from 'sharp';

/**
 * Draws studio-style photographs of jewellery for the demo, with sharp's SVG renderer: there
 * is no internet to download real ones. Deterministic: the same piece and view give the same
 * bytes, so a demo seeded twice looks the same.
 */

export type PieceKind = 'ring' | 'pendant' | 'earrings' | 'bracelet' | 'brooch' | 'necklace';

export type Palette = {
  metal: 'silver' | 'gold';
  gem: string;
  backdrop: [string, string];
};

const metals = {
  silver: ['#f4f6f8', '#b9c0c8', '#6e7781'],
  gold: ['#fff1b8', '#d9a93b', '#8a5a12'],
} as const;

/** A small, fast, seeded random number generator: the same seed gives the same sequence. */
export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The qoshqar müyiz (ram's horn) scroll, the commonest Kazakh ornament, as a path. */
function ramsHorn(cx: number, cy: number, r: number, fill: string): string {
  const d = `M ${cx} ${cy + r}
    C ${cx - r * 1.2} ${cy + r} ${cx - r * 1.4} ${cy - r * 0.6} ${cx - r * 0.6} ${cy - r * 0.8}
    C ${cx - r * 0.1} ${cy - r * 0.9} ${cx - r * 0.1} ${cy - r * 0.3} ${cx - r * 0.5} ${cy - r * 0.3}
    M ${cx} ${cy + r}
    C ${cx + r * 1.2} ${cy + r} ${cx + r * 1.4} ${cy - r * 0.6} ${cx + r * 0.6} ${cy - r * 0.8}
    C ${cx + r * 0.1} ${cy - r * 0.9} ${cx + r * 0.1} ${cy - r * 0.3} ${cx + r * 0.5} ${cy - r * 0.3}`;
  return `<path d="${d}" fill="none" stroke="${fill}" stroke-width="${r * 0.16}" stroke-linecap="round"/>`;
}

function gem(cx: number, cy: number, r: number, color: string): string {
  return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}" stroke="url(#metal)" stroke-width="${r * 0.35}"/>
    <circle cx="${cx - r * 0.35}" cy="${cy - r * 0.35}" r="${r * 0.25}" fill="#ffffff" opacity="0.55"/>`;
}

function pieceSvg(kind: PieceKind, w: number, h: number, p: Palette, rand: () => number): string {
  const cx = w / 2 + (rand() - 0.5) * w * 0.08;
  const cy = h / 2 + (rand() - 0.5) * h * 0.06;
  const s = Math.min(w, h) * (0.32 + rand() * 0.06);
  const band = `url(#metal)`;
  switch (kind) {
    case 'ring':
      return `<ellipse cx="${cx}" cy="${cy + s * 0.25}" rx="${s * 0.8}" ry="${s * 0.55}" fill="none" stroke="${band}" stroke-width="${s * 0.16}"/>
        ${ramsHorn(cx, cy - s * 0.45, s * 0.32, band)}
        ${gem(cx, cy - s * 0.35, s * 0.2, p.gem)}`;
    case 'pendant':
      return `<path d="M ${cx - s * 1.3} ${cy - s * 1.4} Q ${cx} ${cy - s * 0.2} ${cx + s * 1.3} ${cy - s * 1.4}" fill="none" stroke="${band}" stroke-width="${s * 0.03}" stroke-dasharray="${s * 0.05} ${s * 0.02}"/>
        <path d="M ${cx} ${cy - s * 0.65} C ${cx + s * 0.7} ${cy} ${cx + s * 0.45} ${cy + s * 0.9} ${cx} ${cy + s * 0.95} C ${cx - s * 0.45} ${cy + s * 0.9} ${cx - s * 0.7} ${cy} ${cx} ${cy - s * 0.65} Z" fill="${band}"/>
        ${ramsHorn(cx, cy + s * 0.15, s * 0.3, '#00000055')}
        ${gem(cx, cy + s * 0.45, s * 0.18, p.gem)}`;
    case 'earrings':
      return [-1, 1]
        .map((side) => {
          const x = cx + side * s * 0.6;
          return `<circle cx="${x}" cy="${cy - s * 0.8}" r="${s * 0.12}" fill="none" stroke="${band}" stroke-width="${s * 0.05}"/>
            <path d="M ${x} ${cy - s * 0.65} L ${x + s * 0.32} ${cy + s * 0.5} Q ${x} ${cy + s * 0.9} ${x - s * 0.32} ${cy + s * 0.5} Z" fill="${band}"/>
            ${gem(x, cy + s * 0.35, s * 0.14, p.gem)}
            ${[0, 1, 2, 3, 4].map((i) => `<circle cx="${x - s * 0.3 + i * s * 0.15}" cy="${cy + s * 0.85 + (i % 2) * s * 0.06}" r="${s * 0.04}" fill="${band}"/>`).join('')}`;
        })
        .join('');
    case 'bracelet':
      return `<ellipse cx="${cx}" cy="${cy}" rx="${s * 1.15}" ry="${s * 0.55}" fill="none" stroke="${band}" stroke-width="${s * 0.3}"/>
        ${[0, 1, 2, 3, 4, 5, 6]
          .map((i) => {
            const a = Math.PI * (0.15 + (i / 6) * 0.7);
            return gem(cx - Math.cos(a) * s * 1.15, cy + Math.sin(a) * s * 0.55, s * 0.09, p.gem);
          })
          .join('')}`;
    case 'brooch':
      return `<circle cx="${cx}" cy="${cy}" r="${s * 0.85}" fill="${band}"/>
        ${[0, 1, 2, 3]
          .map((i) => {
            const a = (i * Math.PI) / 2;
            return ramsHorn(cx + Math.cos(a) * s * 0.45, cy + Math.sin(a) * s * 0.45, s * 0.22, '#00000044');
          })
          .join('')}
        ${gem(cx, cy, s * 0.26, p.gem)}`;
    case 'necklace':
      return `${Array.from({ length: 17 }, (_, i) => {
        const t = i / 16;
        const x = cx - s * 1.4 + t * s * 2.8;
        const y = cy - s * 0.9 + Math.sin(t * Math.PI) * s * 1.5;
        return i % 4 === 0
          ? gem(x, y, s * 0.13, p.gem)
          : `<circle cx="${x}" cy="${y}" r="${s * 0.09}" fill="${band}"/>`;
      }).join('')}`;
  }
}

/** A JPEG photograph of one piece, seen from one of several slightly different angles. */
export async function drawPiece(
  kind: PieceKind,
  palette: Palette,
  seed: number,
  size: { width: number; height: number } = { width: 1200, height: 900 },
): Promise<Buffer> {
  const rand = mulberry32(seed);
  const { width: w, height: h } = size;
  const [light, mid, dark] = metals[palette.metal];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
    <defs>
      <radialGradient id="bg" cx="${40 + rand() * 20}%" cy="35%" r="85%">
        <stop offset="0" stop-color="${palette.backdrop[0]}"/>
        <stop offset="1" stop-color="${palette.backdrop[1]}"/>
      </radialGradient>
      <linearGradient id="metal" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="${light}"/>
        <stop offset="0.45" stop-color="${mid}"/>
        <stop offset="0.7" stop-color="${light}"/>
        <stop offset="1" stop-color="${dark}"/>
      </linearGradient>
      <radialGradient id="shadow">
        <stop offset="0" stop-color="#000" stop-opacity="0.22"/>
        <stop offset="1" stop-color="#000" stop-opacity="0"/>
      </radialGradient>
    </defs>
    <rect width="100%" height="100%" fill="url(#bg)"/>
    <ellipse cx="${w / 2}" cy="${h * 0.82}" rx="${w * 0.34}" ry="${h * 0.07}" fill="url(#shadow)"/>
    <g transform="rotate(${(rand() - 0.5) * 24} ${w / 2} ${h / 2})">${pieceSvg(kind, w, h, palette, rand)}</g>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 86, mozjpeg: false }).toBuffer();
}

/** A simple portrait silhouette on a coloured backdrop, for artisans. */
export async function drawPortrait(seed: number, backdrop: [string, string]): Promise<Buffer> {
  const rand = mulberry32(seed);
  const w = 1200;
  const h = 1500;
  const skin = ['#c68b59', '#e0ac69', '#8d5524', '#f1c27d'][Math.floor(rand() * 4)];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${backdrop[0]}"/><stop offset="1" stop-color="${backdrop[1]}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#bg)"/>
    <ellipse cx="${w / 2}" cy="${h * 1.02}" rx="${w * 0.42}" ry="${h * 0.34}" fill="#2f2a38"/>
    <rect x="${w * 0.43}" y="${h * 0.5}" width="${w * 0.14}" height="${h * 0.2}" fill="${skin}"/>
    <ellipse cx="${w / 2}" cy="${h * 0.4}" rx="${w * 0.19}" ry="${h * 0.17}" fill="${skin}"/>
    <path d="M ${w * 0.3} ${h * 0.38} Q ${w / 2} ${h * 0.1} ${w * 0.7} ${h * 0.38} Q ${w / 2} ${h * 0.24} ${w * 0.3} ${h * 0.38} Z" fill="#1d1a22"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 86 }).toBuffer();
}
