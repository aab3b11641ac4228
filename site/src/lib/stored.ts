/**
 * What Astro's content store keeps of a document: all of it, except the parts of its photos
 * that only the download from the CMS needs. Each rendition keeps its file name and its size
 * in pixels; its address on the CMS, its byte size and its type (see `mimeTypeOf`) are left
 * out, and so are renditions the CMS did not make (every field null).
 *
 * A photo's renditions are the same in every language, and in every document that shows it:
 * documents trimmed with the same `shared` map hold one object for equal renditions, which the
 * store writes once (it keeps shared objects shared).
 *
 * Astro serialises the whole store, bundles it into the build as one module and compiles that
 * module again whenever a document changed: with several photos a work, eight renditions each,
 * in three languages, the renditions make up most of the store (docs/performance.notes.md).
 * The snapshot keeps the documents as the CMS sent them.
 */
export function storedForm<T>(doc: T, shared: Map<string, Renditions> = new Map()): T {
  return trimmed(doc, shared) as T;
}

export type Renditions = Record<string, { filename: string; width?: number | null; height?: number | null }>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A photo as the CMS sends it: a file name and its renditions. */
const isPhoto = (value: Record<string, unknown>) =>
  typeof value.filename === 'string' && isRecord(value.sizes);

function trimmed(value: unknown, shared: Map<string, Renditions>): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => trimmed(item, shared));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (!isRecord(value)) return value;
  if (isPhoto(value)) {
    const sizes: Renditions = {};
    for (const [name, size] of Object.entries(value.sizes as Record<string, unknown>)) {
      if (!isRecord(size) || typeof size.filename !== 'string') continue;
      sizes[name] = {
        filename: size.filename,
        width: size.width as number | null | undefined,
        height: size.height as number | null | undefined,
      };
    }
    const key = JSON.stringify(sizes);
    const same = shared.get(key);
    if (!same) shared.set(key, sizes);
    return { ...value, sizes: same ?? sizes };
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const next = trimmed(item, shared);
    if (next === item) continue;
    copy ??= { ...value };
    copy[key] = next;
  }
  return copy ?? value;
}

const mimeTypes: Record<string, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The type of a rendition, from its file name: the store does not keep it. */
export function mimeTypeOf(filename: string): string | undefined {
  return mimeTypes[filename.slice(filename.lastIndexOf('.') + 1).toLowerCase()];
}
