/**
 * The lightbox's zoom and pan arithmetic, kept free of the DOM so it can be tested. The image
 * is drawn centred in a viewport at `scale` × its fitted size, then moved by (x, y) pixels.
 */
export type View = { scale: number; x: number; y: number };
export type Box = { width: number; height: number };

export const minScale = 1;
export const maxScale = 4;

export const identity: View = { scale: 1, x: 0, y: 0 };

/** Keeps the image covering the viewport: no pan beyond its edges, none at all at scale 1. */
export function clampView(view: View, fitted: Box, viewport: Box): View {
  const scale = Math.min(maxScale, Math.max(minScale, view.scale));
  const limitX = Math.max(0, (fitted.width * scale - viewport.width) / 2);
  const limitY = Math.max(0, (fitted.height * scale - viewport.height) / 2);
  const clamp = (value: number, limit: number) => Math.min(limit, Math.max(-limit, value)) || 0;
  return { scale, x: clamp(view.x, limitX), y: clamp(view.y, limitY) };
}

/**
 * Zooms to `scale` keeping the image point under `focus` where it is. `focus` is measured
 * from the viewport's centre, in pixels.
 */
export function zoomAt(
  view: View,
  scale: number,
  focus: { x: number; y: number },
  fitted: Box,
  viewport: Box,
) {
  const next = Math.min(maxScale, Math.max(minScale, scale));
  const ratio = next / view.scale;
  return clampView(
    { scale: next, x: focus.x - (focus.x - view.x) * ratio, y: focus.y - (focus.y - view.y) * ratio },
    fitted,
    viewport,
  );
}

/** The size of an image of `natural` proportions fitted inside `viewport` (object-fit: contain). */
export function fitInside(natural: Box, viewport: Box): Box {
  const ratio = Math.min(viewport.width / natural.width, viewport.height / natural.height);
  return { width: natural.width * ratio, height: natural.height * ratio };
}
