import type { CollectionBeforeChangeHook } from 'payload';
import sharp, { type Sharp } from 'sharp';

/** Longest side of the blurred placeholder, in pixels. 16 keeps it around 200 bytes. */
const placeholderSize = 16;
const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');

/**
 * The main colours of a photo, most frequent first: pixels of a 48 px thumbnail counted in
 * 4096 buckets (16 levels per channel), each bucket reported as the mean of its pixels.
 */
export async function palette(image: Sharp, count = 5): Promise<string[]> {
  const { data, info } = await image
    .clone()
    .resize(48, 48, { fit: 'inside' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const buckets = new Map<number, { n: number; r: number; g: number; b: number }>();
  for (let i = 0; i < data.length; i += info.channels) {
    const r = data[i] ?? 0;
    const g = data[i + 1] ?? 0;
    const b = data[i + 2] ?? 0;
    const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    const bucket = buckets.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
    bucket.n += 1;
    bucket.r += r;
    bucket.g += g;
    bucket.b += b;
    buckets.set(key, bucket);
  }
  return [...buckets.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, count)
    .map(({ n, r, g, b }) => `#${hex(r / n)}${hex(g / n)}${hex(b / n)}`);
}

/**
 * Computes a tiny blurred placeholder (a data: URL shown while the real photo loads), the
 * dominant colour and a small palette, once, when a file is uploaded or replaced. Seeds and
 * tests that do not care can skip it with `context: { skipPlaceholder: true }`.
 */
export const computePlaceholder: CollectionBeforeChangeHook = async ({ data, req, context }) => {
  const file = req.file;
  if (!file?.data || context.skipPlaceholder) return data;
  const image = sharp(file.data, { failOn: 'error' }).rotate();
  const [placeholder, stats, colours] = await Promise.all([
    image
      .clone()
      .resize(placeholderSize, placeholderSize, { fit: 'inside' })
      .webp({ quality: 40 })
      .toBuffer(),
    image.clone().stats(),
    palette(image),
  ]);
  const { r, g, b } = stats.dominant;
  return {
    ...data,
    lqip: `data:image/webp;base64,${placeholder.toString('base64')}`,
    dominantColor: `#${hex(r)}${hex(g)}${hex(b)}`,
    palette: colours,
  };
};
