import type { PictureData } from '../../lib/images';
import { type Box, clampView, fitInside, identity, maxScale, type View, zoomAt } from '../../lib/zoom';
import { addGestures } from './gestures';

/**
 * The work page's photographs, enhanced: thumbnails switch the large photo in place, ←/→ step
 * through them, and the photo opens in a full-screen lightbox (a modal <dialog>) with zoom by
 * buttons, keys (+ − 0, arrows to pan), wheel, pinch and double tap, and swipe between photos.
 * Without JavaScript every link still opens the large file.
 */
export type ViewerPhoto = PictureData & {
  alt: string;
  caption: string | null;
  dominantColor: string | null;
  /** A small rendition for the thumbnail strip. */
  thumb: string;
  /** The largest rendition, opened by the links when JavaScript is off. */
  full: string;
  /** Accessible name of the thumbnail, e.g. "Photo 2 of 3: …". */
  label: string;
};

export type ViewerLabels = {
  /** "Photo {n} of {m}" in the page's language. */
  position: string;
  close: string;
  previous: string;
  next: string;
  zoomIn: string;
  zoomOut: string;
};

const zoomStep = 1.5;
const panStep = 80;

export function initViewers() {
  for (const root of document.querySelectorAll<HTMLElement>('[data-viewer]')) {
    if (root.dataset.ready) continue;
    root.dataset.ready = 'true';
    setUp(root);
  }
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`photo viewer: missing ${selector}`);
  return element;
}

function showPhoto(picture: HTMLPictureElement, photo: ViewerPhoto, sizes: string) {
  const img = required<HTMLImageElement>(picture, 'img');
  for (const source of picture.querySelectorAll('source')) source.remove();
  for (const { type, srcset } of photo.sources) {
    const source = document.createElement('source');
    source.type = type;
    source.srcset = srcset;
    source.sizes = sizes;
    picture.insertBefore(source, img);
  }
  img.src = photo.src;
  img.alt = photo.alt;
  img.width = photo.width;
  img.height = photo.height;
  img.style.backgroundColor = photo.dominantColor ?? '';
  img.style.backgroundImage = photo.placeholder ? `url(${photo.placeholder})` : '';
}

/** The elements of one viewer, and what its page gave it. */
type Parts = {
  photos: ViewerPhoto[];
  labels: ViewerLabels;
  stage: HTMLAnchorElement;
  picture: HTMLPictureElement;
  caption: HTMLElement;
  position: HTMLElement | null;
  thumbs: HTMLAnchorElement[];
  dialog: HTMLDialogElement;
  canvas: HTMLElement;
  bigPicture: HTMLPictureElement;
  bigImg: HTMLImageElement;
  count: HTMLElement;
  bigCaption: HTMLElement;
  zoomIn: HTMLButtonElement;
  zoomOut: HTMLButtonElement;
};

function setUp(root: HTMLElement) {
  const parts = findParts(root);
  const viewer = photoViewer(parts);
  listenOnPage(root, parts, viewer);
  listenInLightbox(parts, viewer);
  addGestures(parts.canvas, {
    view: viewer.zoom.view,
    apply: viewer.zoom.apply,
    zoomTo: viewer.zoom.zoomTo,
    fromCentre: viewer.zoom.fromCentre,
    swipe: (direction) => {
      if (parts.photos.length > 1) viewer.step(direction);
    },
  });
  window.addEventListener('resize', () => {
    if (parts.dialog.open) viewer.zoom.apply(viewer.zoom.view());
  });
}

function findParts(root: HTMLElement): Parts {
  const stage = required<HTMLAnchorElement>(root, '.stage');
  const dialog = required<HTMLDialogElement>(root, 'dialog');
  const canvas = required<HTMLElement>(dialog, '.canvas');
  return {
    photos: JSON.parse(required(root, '[data-photos]').textContent ?? '[]') as ViewerPhoto[],
    labels: JSON.parse(root.dataset.labels ?? '{}') as ViewerLabels,
    stage,
    picture: required<HTMLPictureElement>(stage, 'picture'),
    caption: required<HTMLElement>(root, 'figcaption .caption'),
    position: root.querySelector<HTMLElement>('figcaption .position'),
    thumbs: [...root.querySelectorAll<HTMLAnchorElement>('.thumbs a')],
    dialog,
    canvas,
    bigPicture: required<HTMLPictureElement>(canvas, 'picture'),
    bigImg: required<HTMLImageElement>(canvas, 'img'),
    count: required<HTMLElement>(dialog, '.count'),
    bigCaption: required<HTMLElement>(dialog, '.lightbox-caption'),
    zoomIn: required<HTMLButtonElement>(dialog, '[data-action="zoom-in"]'),
    zoomOut: required<HTMLButtonElement>(dialog, '[data-action="zoom-out"]'),
  };
}

/** "Photo 2 of 3" for the photo at `index`. */
const positionText = ({ labels, photos }: Parts, index: number) =>
  labels.position.replace('{n}', String(index + 1)).replace('{m}', String(photos.length));

/** The lightbox's zoom and pan of the current photo, kept inside the canvas. */
function lightboxZoom({ canvas, bigImg, zoomIn, zoomOut }: Parts, current: () => ViewerPhoto) {
  let view: View = identity;
  const box = (): Box => ({ width: canvas.clientWidth, height: canvas.clientHeight });
  const fitted = () => fitInside(current(), box());

  function apply(next: View) {
    view = clampView(next, fitted(), box());
    bigImg.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    canvas.classList.toggle('zoomed', view.scale > 1);
    zoomIn.disabled = view.scale >= maxScale;
    zoomOut.disabled = view.scale <= 1;
  }
  const zoomTo = (scale: number, focus: { x: number; y: number }) =>
    apply(zoomAt(view, scale, focus, fitted(), box()));

  return {
    view: () => view,
    apply,
    zoomTo,
    zoomBy: (factor: number, focus = { x: 0, y: 0 }) => zoomTo(view.scale * factor, focus),
    pan: (dx: number, dy: number) => apply({ ...view, x: view.x + dx, y: view.y + dy }),
    /** A point of the canvas, measured from its centre. */
    fromCentre: (clientX: number, clientY: number) => {
      const rect = canvas.getBoundingClientRect();
      return { x: clientX - rect.left - rect.width / 2, y: clientY - rect.top - rect.height / 2 };
    },
  };
}

type Viewer = ReturnType<typeof photoViewer>;

/** Which photo is shown, on the page and in the lightbox, and the lightbox's zoom. */
function photoViewer(parts: Parts) {
  const { photos, dialog } = parts;
  let index = 0;
  const current = () => photos[index] as ViewerPhoto;
  const zoom = lightboxZoom(parts, current);

  function show(next: number) {
    index = (next + photos.length) % photos.length;
    showOnPage(parts, current(), index);
    if (dialog.open) showBig();
  }
  function showBig() {
    showInLightbox(parts, current(), index);
    zoom.apply(identity);
  }

  return {
    zoom,
    show,
    /** The next photo (1) or the previous one (-1), round the ends. */
    step: (direction: 1 | -1) => show(index + direction),
    open: () => {
      showBig();
      dialog.showModal();
      zoom.apply(identity);
    },
  };
}

function showOnPage(parts: Parts, photo: ViewerPhoto, index: number) {
  const { stage, caption, position, thumbs } = parts;
  showPhoto(parts.picture, photo, '(min-width: 800px) 60vw, 100vw');
  stage.href = photo.full;
  caption.textContent = photo.caption ?? '';
  if (position) position.textContent = `${photo.caption ? ' · ' : ''}${positionText(parts, index)}`;
  thumbs.forEach((thumb, i) => {
    if (i === index) thumb.setAttribute('aria-current', 'true');
    else thumb.removeAttribute('aria-current');
  });
}

function showInLightbox(parts: Parts, photo: ViewerPhoto, index: number) {
  showPhoto(parts.bigPicture, photo, '100vw');
  parts.bigImg.style.background = 'none';
  parts.count.textContent = parts.photos.length > 1 ? positionText(parts, index) : '';
  parts.bigCaption.textContent = photo.caption ?? photo.alt;
}

/** The page: thumbnails, arrows, and the large photo opening the lightbox. */
function listenOnPage(root: HTMLElement, { photos, thumbs, stage, dialog }: Parts, viewer: Viewer) {
  thumbs.forEach((thumb, i) => {
    thumb.addEventListener('click', (event) => {
      event.preventDefault();
      viewer.show(i);
    });
  });
  root.addEventListener('keydown', (event) => {
    if (dialog.open || photos.length < 2 || event.target instanceof HTMLDialogElement) return;
    if (event.key === 'ArrowRight') viewer.step(1);
    else if (event.key === 'ArrowLeft') viewer.step(-1);
    else return;
    event.preventDefault();
  });
  stage.addEventListener('click', (event) => {
    event.preventDefault();
    viewer.open();
  });
}

/**
 * The lightbox: buttons, keys and the wheel. Escape closes it (native <dialog>), and focus
 * returns to the photo that opened it.
 */
function listenInLightbox({ photos, stage, dialog, canvas }: Parts, viewer: Viewer) {
  const { zoom } = viewer;
  dialog.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'close') dialog.close();
    else if (action === 'previous') viewer.step(-1);
    else if (action === 'next') viewer.step(1);
    else if (action === 'zoom-in') zoom.zoomBy(zoomStep);
    else if (action === 'zoom-out') zoom.zoomBy(1 / zoomStep);
  });
  dialog.addEventListener('close', () => stage.focus());
  dialog.addEventListener('keydown', (event) => {
    if (lightboxKey(event.key, viewer, photos.length)) event.preventDefault();
  });
  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      zoom.zoomBy(event.deltaY < 0 ? 1.2 : 1 / 1.2, zoom.fromCentre(event.clientX, event.clientY));
    },
    { passive: false },
  );
}

/**
 * Acts on a key pressed in the lightbox: + − 0 zoom, arrows pan a zoomed photo or else step
 * through the photos. Whether the key was the lightbox's.
 */
function lightboxKey(key: string, { zoom, step }: Viewer, photoCount: number): boolean {
  const zoomed = zoom.view().scale > 1;
  switch (key) {
    case '+':
    case '=':
      zoom.zoomBy(zoomStep);
      return true;
    case '-':
    case '_':
      zoom.zoomBy(1 / zoomStep);
      return true;
    case '0':
      zoom.apply(identity);
      return true;
    case 'ArrowLeft':
      if (zoomed) zoom.pan(panStep, 0);
      else if (photoCount > 1) step(-1);
      return true;
    case 'ArrowRight':
      if (zoomed) zoom.pan(-panStep, 0);
      else if (photoCount > 1) step(1);
      return true;
    case 'ArrowUp':
      if (zoomed) zoom.pan(0, panStep);
      return zoomed;
    case 'ArrowDown':
      if (zoomed) zoom.pan(0, -panStep);
      return zoomed;
    default:
      return false;
  }
}
