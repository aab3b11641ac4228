import type { PictureData } from '../lib/images';
import { type Box, clampView, fitInside, identity, maxScale, type View, zoomAt } from '../lib/zoom';

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
const doubleTapScale = 2.5;
const swipeDistance = 50;
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

function setUp(root: HTMLElement) {
  const photos = JSON.parse(required(root, '[data-photos]').textContent ?? '[]') as ViewerPhoto[];
  const labels = JSON.parse(root.dataset.labels ?? '{}') as ViewerLabels;
  const stage = required<HTMLAnchorElement>(root, '.stage');
  const picture = required<HTMLPictureElement>(stage, 'picture');
  const caption = required<HTMLElement>(root, 'figcaption .caption');
  const position = root.querySelector<HTMLElement>('figcaption .position');
  const thumbs = [...root.querySelectorAll<HTMLAnchorElement>('.thumbs a')];
  const dialog = required<HTMLDialogElement>(root, 'dialog');
  const canvas = required<HTMLElement>(dialog, '.canvas');
  const bigPicture = required<HTMLPictureElement>(canvas, 'picture');
  const bigImg = required<HTMLImageElement>(canvas, 'img');
  const count = required<HTMLElement>(dialog, '.count');
  const bigCaption = required<HTMLElement>(dialog, '.lightbox-caption');
  const zoomIn = required<HTMLButtonElement>(dialog, '[data-action="zoom-in"]');
  const zoomOut = required<HTMLButtonElement>(dialog, '[data-action="zoom-out"]');
  let index = 0;
  let view: View = identity;

  const positionText = (i: number) =>
    labels.position.replace('{n}', String(i + 1)).replace('{m}', String(photos.length));
  const current = () => photos[index] as ViewerPhoto;
  const box = (): Box => ({ width: canvas.clientWidth, height: canvas.clientHeight });
  const fitted = () => fitInside(current(), box());

  function apply(next: View) {
    view = clampView(next, fitted(), box());
    bigImg.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    canvas.classList.toggle('zoomed', view.scale > 1);
    zoomIn.disabled = view.scale >= maxScale;
    zoomOut.disabled = view.scale <= 1;
  }

  function show(next: number) {
    index = (next + photos.length) % photos.length;
    const photo = current();
    showPhoto(picture, photo, '(min-width: 800px) 60vw, 100vw');
    stage.href = photo.full;
    caption.textContent = photo.caption ?? '';
    if (position) position.textContent = `${photo.caption ? ' · ' : ''}${positionText(index)}`;
    thumbs.forEach((thumb, i) => {
      if (i === index) thumb.setAttribute('aria-current', 'true');
      else thumb.removeAttribute('aria-current');
    });
    if (dialog.open) showBig();
  }

  function showBig() {
    const photo = current();
    showPhoto(bigPicture, photo, '100vw');
    bigImg.style.background = 'none';
    count.textContent = photos.length > 1 ? positionText(index) : '';
    bigCaption.textContent = photo.caption ?? photo.alt;
    apply(identity);
  }

  function open() {
    showBig();
    dialog.showModal();
    apply(identity);
  }

  const zoomBy = (factor: number, focus = { x: 0, y: 0 }) =>
    apply(zoomAt(view, view.scale * factor, focus, fitted(), box()));
  /** A point of the canvas, measured from its centre. */
  const fromCentre = (clientX: number, clientY: number) => {
    const rect = canvas.getBoundingClientRect();
    return { x: clientX - rect.left - rect.width / 2, y: clientY - rect.top - rect.height / 2 };
  };

  // The page: thumbnails, arrows, and the large photo opening the lightbox.
  thumbs.forEach((thumb, i) => {
    thumb.addEventListener('click', (event) => {
      event.preventDefault();
      show(i);
    });
  });
  root.addEventListener('keydown', (event) => {
    if (dialog.open || photos.length < 2 || event.target instanceof HTMLDialogElement) return;
    if (event.key === 'ArrowRight') show(index + 1);
    else if (event.key === 'ArrowLeft') show(index - 1);
    else return;
    event.preventDefault();
  });
  stage.addEventListener('click', (event) => {
    event.preventDefault();
    open();
  });

  // The lightbox: buttons and keys. Escape closes it (native <dialog>), and focus returns
  // to the photo that opened it.
  dialog.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'close') dialog.close();
    else if (action === 'previous') show(index - 1);
    else if (action === 'next') show(index + 1);
    else if (action === 'zoom-in') zoomBy(zoomStep);
    else if (action === 'zoom-out') zoomBy(1 / zoomStep);
  });
  dialog.addEventListener('close', () => stage.focus());
  dialog.addEventListener('keydown', (event) => {
    const zoomed = view.scale > 1;
    const pan = (dx: number, dy: number) => apply({ ...view, x: view.x + dx, y: view.y + dy });
    switch (event.key) {
      case '+':
      case '=':
        zoomBy(zoomStep);
        break;
      case '-':
      case '_':
        zoomBy(1 / zoomStep);
        break;
      case '0':
        apply(identity);
        break;
      case 'ArrowLeft':
        if (zoomed) pan(panStep, 0);
        else if (photos.length > 1) show(index - 1);
        break;
      case 'ArrowRight':
        if (zoomed) pan(-panStep, 0);
        else if (photos.length > 1) show(index + 1);
        break;
      case 'ArrowUp':
        if (!zoomed) return;
        pan(0, panStep);
        break;
      case 'ArrowDown':
        if (!zoomed) return;
        pan(0, -panStep);
        break;
      default:
        return;
    }
    event.preventDefault();
  });
  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      zoomBy(event.deltaY < 0 ? 1.2 : 1 / 1.2, fromCentre(event.clientX, event.clientY));
    },
    { passive: false },
  );
  addGestures(canvas, {
    view: () => view,
    apply,
    zoomTo: (scale, focus) => apply(zoomAt(view, scale, focus, fitted(), box())),
    fromCentre,
    swipe: (direction) => {
      if (photos.length > 1) show(index + direction);
    },
  });
  window.addEventListener('resize', () => {
    if (dialog.open) apply(view);
  });
}

type Gestures = {
  view: () => View;
  apply: (view: View) => void;
  zoomTo: (scale: number, focus: { x: number; y: number }) => void;
  fromCentre: (clientX: number, clientY: number) => { x: number; y: number };
  swipe: (direction: 1 | -1) => void;
};

/** Pointer gestures on the lightbox: drag to pan, pinch to zoom, double tap, swipe. */
function addGestures(canvas: HTMLElement, gestures: Gestures) {
  const pointers = new Map<number, { x: number; y: number }>();
  let start: { x: number; y: number; view: View; distance: number; moved: boolean } | undefined;
  let lastTap = 0;

  const spread = () => {
    const [a, b] = [...pointers.values()];
    if (!a || !b) return { distance: 0, centre: { x: a?.x ?? 0, y: a?.y ?? 0 } };
    return {
      distance: Math.hypot(a.x - b.x, a.y - b.y),
      centre: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    };
  };
  const begin = () => {
    const { distance, centre } = spread();
    start = { ...centre, view: gestures.view(), distance, moved: false };
  };

  canvas.addEventListener('pointerdown', (event) => {
    canvas.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    begin();
    canvas.classList.add('dragging');
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!pointers.has(event.pointerId) || !start) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const { distance, centre } = spread();
    const dx = centre.x - start.x;
    const dy = centre.y - start.y;
    if (Math.hypot(dx, dy) > 8) start.moved = true;
    if (pointers.size >= 2 && start.distance > 0) {
      start.moved = true;
      gestures.zoomTo(
        start.view.scale * (distance / start.distance),
        gestures.fromCentre(centre.x, centre.y),
      );
    } else if (start.view.scale > 1) {
      gestures.apply({ ...start.view, x: start.view.x + dx, y: start.view.y + dy });
    }
  });
  const end = (event: PointerEvent) => {
    if (!pointers.has(event.pointerId)) return;
    const wasPinch = pointers.size >= 2;
    const last = pointers.get(event.pointerId);
    pointers.delete(event.pointerId);
    canvas.classList.remove('dragging');
    if (!start || !last) return;
    if (pointers.size > 0) {
      begin();
      return;
    }
    const dx = last.x - start.x;
    if (!wasPinch && start.view.scale <= 1 && Math.abs(dx) > swipeDistance) {
      gestures.swipe(dx < 0 ? 1 : -1);
    } else if (!start.moved && event.type === 'pointerup') {
      const now = event.timeStamp;
      if (now - lastTap < 300) {
        const zoomed = gestures.view().scale > 1;
        gestures.zoomTo(zoomed ? 1 : doubleTapScale, gestures.fromCentre(last.x, last.y));
        lastTap = 0;
      } else lastTap = now;
    }
    start = undefined;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
}
