import type { CollectionBeforeChangeHook } from 'payload';
import sharp from 'sharp';

/** Longest side of the blurred placeholder, in pixels. 16 keeps it around 200 bytes. */
const placeholderSize = 16;

/**
 * Computes a tiny blurred placeholder (a data: URL shown while the real photo loads) and the
 * photo's dominant colour, once, when a file is uploaded or replaced. Seeds and tests that do
 * not care can skip it with `context: { skipPlaceholder: true }`.
 */
export const computePlaceholder: CollectionBeforeChangeHook = async ({ data, req, context }) => {
  const file = req.file;
  if (!file?.data || context.skipPlaceholder) return data;
  const image = sharp(file.data, { failOn: 'error' }).rotate();
  const [placeholder, stats] = await Promise.all([
    image
      .clone()
      .resize(placeholderSize, placeholderSize, { fit: 'inside' })
      .webp({ quality: 40 })
      .toBuffer(),
    image.clone().stats(),
  ]);
  const { r, g, b } = stats.dominant;
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return {
    ...data,
    lqip: `data:image/webp;base64,${placeholder.toString('base64')}`,
    dominantColor: `#${hex(r)}${hex(g)}${hex(b)}`,
  };
};
