import type { View } from '../../lib/zoom';

/** Beyond this many pixels sideways, a one-finger drag of an unzoomed photo is a swipe. */
const swipeDistance = 50;
const doubleTapScale = 2.5;

type Point = { x: number; y: number };

export type Gestures = {
  view: () => View;
  apply: (view: View) => void;
  zoomTo: (scale: number, focus: Point) => void;
  fromCentre: (clientX: number, clientY: number) => Point;
  swipe: (direction: 1 | -1) => void;
};

/** Where a gesture began: the pointers' centre, the view then, and the distance of a pinch. */
type GestureStart = Point & { view: View; distance: number; moved: boolean };

/** Pointer gestures on the lightbox: drag to pan, pinch to zoom, double tap, swipe. */
export function addGestures(canvas: HTMLElement, gestures: Gestures) {
  const pointers = new Map<number, Point>();
  let start: GestureStart | undefined;
  const isDoubleTap = doubleTaps();
  const begin = () => {
    const { distance, centre } = spread(pointers);
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
    follow(start, pointers, gestures);
  });
  const end = (event: PointerEvent) => {
    if (!pointers.has(event.pointerId)) return;
    const wasPinch = pointers.size >= 2;
    const last = pointers.get(event.pointerId);
    pointers.delete(event.pointerId);
    canvas.classList.remove('dragging');
    if (!start || !last) return;
    // A finger still down carries on the gesture from where it is.
    if (pointers.size > 0) {
      begin();
      return;
    }
    finish(
      start,
      last,
      { wasPinch, tap: event.type === 'pointerup', time: event.timeStamp },
      gestures,
      isDoubleTap,
    );
    start = undefined;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
}

/** The distance between the first two pointers and the point halfway, or the one pointer. */
function spread(pointers: Map<number, Point>) {
  const [a, b] = [...pointers.values()];
  if (!a || !b) return { distance: 0, centre: { x: a?.x ?? 0, y: a?.y ?? 0 } };
  return {
    distance: Math.hypot(a.x - b.x, a.y - b.y),
    centre: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
  };
}

/** A pointer moved: two pinch, one drags a zoomed photo. */
function follow(start: GestureStart, pointers: Map<number, Point>, gestures: Gestures) {
  const { distance, centre } = spread(pointers);
  const dx = centre.x - start.x;
  const dy = centre.y - start.y;
  if (Math.hypot(dx, dy) > 8) start.moved = true;
  if (pointers.size >= 2 && start.distance > 0) {
    start.moved = true;
    gestures.zoomTo(start.view.scale * (distance / start.distance), gestures.fromCentre(centre.x, centre.y));
  } else if (start.view.scale > 1) {
    gestures.apply({ ...start.view, x: start.view.x + dx, y: start.view.y + dy });
  }
}

/** The last pointer lifted at `last`: a swipe steps through the photos, a double tap zooms. */
function finish(
  start: GestureStart,
  last: Point,
  lift: { wasPinch: boolean; tap: boolean; time: number },
  gestures: Gestures,
  isDoubleTap: (time: number) => boolean,
) {
  const dx = last.x - start.x;
  if (!lift.wasPinch && start.view.scale <= 1 && Math.abs(dx) > swipeDistance) {
    gestures.swipe(dx < 0 ? 1 : -1);
  } else if (!start.moved && lift.tap && isDoubleTap(lift.time)) {
    const zoomed = gestures.view().scale > 1;
    gestures.zoomTo(zoomed ? 1 : doubleTapScale, gestures.fromCentre(last.x, last.y));
  }
}

/** Whether a tap is the second of a double tap; the tap after a double tap starts afresh. */
function doubleTaps() {
  let lastTap = 0;
  return (time: number) => {
    if (time - lastTap < 300) {
      lastTap = 0;
      return true;
    }
    lastTap = time;
    return false;
  };
}
