import sharp from 'sharp';

/**
 * Takes the camera's metadata out of an uploaded photo before it is stored: EXIF (GPS position,
 * camera serial number, owner name, date), XMP, IPTC, comments, and the extra pictures some
 * phones append after the JPEG (depth maps, their own EXIF). A published photo's original is
 * public, and a jeweller's workshop is often their home.
 *
 * What the picture needs is kept: the pixels untouched (JPEG, PNG and WebP are rewritten
 * segment by segment, never re-encoded), the colour profile, and the orientation, as the one
 * EXIF tag left. AVIF keeps its metadata in a container too intricate to edit safely; one that
 * carries any is encoded again from its pixels, turned upright.
 *
 * Throws `MetadataError` for a file whose structure cannot be followed: the caller refuses it.
 */
export class MetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetadataError';
  }
}

export type Stripped = { data: Buffer; removed: string[] };

export async function stripMetadata(data: Buffer): Promise<Stripped> {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    return stripJpeg(data, await orientationOf(data));
  }
  if (data.subarray(0, 8).equals(pngSignature)) return stripPng(data, await orientationOf(data));
  if (data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') {
    return stripWebp(data, await orientationOf(data));
  }
  if (data.toString('latin1', 4, 8) === 'ftyp') return stripHeif(data);
  throw new MetadataError('it is not a JPEG, PNG, WebP or AVIF file');
}

/**
 * The EXIF orientation (2–8), or undefined when upright or unknown. A header sharp cannot read
 * is left to the walk through the file, which says where it breaks.
 */
async function orientationOf(data: Buffer): Promise<number | undefined> {
  const orientation = await sharp(data)
    .metadata()
    .then((metadata) => metadata.orientation)
    .catch(() => undefined);
  return orientation && orientation > 1 && orientation <= 8 ? orientation : undefined;
}

/** A TIFF block holding one tag, the orientation: all the EXIF a stored photo keeps. */
function orientationTiff(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // the first directory follows the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14); // one value
  tiff.writeUInt16BE(orientation, 18); // left-justified in the 4-byte value field
  tiff.writeUInt32BE(0, 22); // no next directory
  return tiff;
}

const exifHeader = Buffer.from('Exif\0\0', 'latin1');

// JPEG ------------------------------------------------------------------------------------------

/** Marker names, for the report of what was removed. */
const jpegRemoved: Record<number, string> = { 225: 'EXIF/XMP', 237: 'IPTC', 254: 'comment' };

function stripJpeg(data: Buffer, orientation: number | undefined): Stripped {
  const out: Buffer[] = [data.subarray(0, 2)];
  const removed = new Set<string>();
  let pos = 2;
  let orientationWritten = orientation === undefined;
  const segmentEnd = (at: number) => {
    if (at + 4 > data.length) throw new MetadataError('the JPEG ends inside a segment header');
    const end = at + 2 + data.readUInt16BE(at + 2);
    if (end > data.length) throw new MetadataError('the JPEG ends inside a segment');
    return end;
  };
  for (;;) {
    if (pos + 2 > data.length) throw new MetadataError('the JPEG has no end marker');
    if (data[pos] !== 0xff) throw new MetadataError(`the JPEG has stray bytes at offset ${pos}`);
    const marker = data[pos + 1] as number;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      out.push(data.subarray(pos, pos + 2));
      if (pos + 2 < data.length) removed.add('data after the picture');
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(data.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    const end = segmentEnd(pos);
    const keep = keepJpegSegment(marker, data.subarray(pos + 4, end));
    if (!keep) removed.add(jpegRemoved[marker] ?? `APP${marker - 0xe0}`);
    // The orientation goes where EXIF belongs: right after the JFIF header, or first.
    if (!orientationWritten && marker !== 0xe0) {
      const payload = Buffer.concat([exifHeader, orientationTiff(orientation as number)]);
      const header = Buffer.alloc(4);
      header.writeUInt16BE(0xffe1, 0);
      header.writeUInt16BE(payload.length + 2, 2);
      out.push(header, payload);
      orientationWritten = true;
    }
    if (keep) out.push(data.subarray(pos, end));
    pos = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      let scan = pos;
      while (scan + 1 < data.length) {
        if (data[scan] === 0xff) {
          const next = data[scan + 1] as number;
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        }
        scan += 1;
      }
      if (scan + 1 >= data.length) throw new MetadataError('the JPEG ends inside its picture data');
      out.push(data.subarray(pos, scan));
      pos = scan;
    }
  }
  return { data: Buffer.concat(out), removed: [...removed] };
}

/** JFIF, the colour profile and Adobe's colour transform stay; every other APPn and comments go. */
function keepJpegSegment(marker: number, payload: Buffer): boolean {
  if (marker === 0xe0) return true;
  if (marker === 0xe2) return payload.toString('latin1', 0, 12) === 'ICC_PROFILE\0';
  if (marker === 0xee) return payload.toString('latin1', 0, 5) === 'Adobe';
  if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) return false;
  return true;
}

// PNG -------------------------------------------------------------------------------------------

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Text (often XMP in iTXt), EXIF and the modification time. */
const pngRemoved = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(data: Buffer, orientation: number | undefined): Stripped {
  const out: Buffer[] = [pngSignature];
  const removed = new Set<string>();
  let pos = 8;
  for (;;) {
    if (pos + 12 > data.length) throw new MetadataError('the PNG ends inside a chunk');
    const length = data.readUInt32BE(pos);
    const type = data.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + length;
    if (end > data.length) throw new MetadataError(`the PNG ends inside its ${type} chunk`);
    if (pngRemoved.has(type)) removed.add(type === 'eXIf' ? 'EXIF' : `${type} text`);
    else {
      // eXIf must come before the first image data.
      if (type === 'IDAT' && orientation !== undefined) {
        out.push(pngChunk('eXIf', orientationTiff(orientation)));
        orientation = undefined;
      }
      out.push(data.subarray(pos, end));
    }
    pos = end;
    if (type === 'IEND') break;
  }
  if (pos < data.length) removed.add('data after the picture');
  return { data: Buffer.concat(out), removed: [...removed] };
}

function pngChunk(type: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(payload.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), payload])), 0);
  return Buffer.concat([head, payload, crc]);
}

let crcTable: Uint32Array | undefined;
function crc32(bytes: Buffer): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// WebP ------------------------------------------------------------------------------------------

function stripWebp(data: Buffer, orientation: number | undefined): Stripped {
  const chunks: Buffer[] = [];
  const removed = new Set<string>();
  let pos = 12;
  const end = Math.min(data.length, 8 + data.readUInt32LE(4));
  let vp8x: Buffer | undefined;
  while (pos < end) {
    if (pos + 8 > end) throw new MetadataError('the WebP ends inside a chunk header');
    const type = data.toString('latin1', pos, pos + 4);
    const size = data.readUInt32LE(pos + 4);
    const next = pos + 8 + size + (size % 2);
    if (pos + 8 + size > end) throw new MetadataError(`the WebP ends inside its ${type} chunk`);
    const chunk = Buffer.from(data.subarray(pos, Math.min(next, end)));
    if (type === 'EXIF' || type === 'XMP ') removed.add(type.trim());
    else if (type === 'VP8X') {
      vp8x = chunk;
      chunks.push(chunk);
    } else chunks.push(chunk);
    pos = next;
  }
  if (data.length > end) removed.add('data after the picture');
  if (vp8x) {
    // The flags say which metadata chunks follow: EXIF 0x08, XMP 0x04.
    const flags = vp8x[8] as number;
    vp8x[8] = (flags & ~0x0c) | (orientation !== undefined ? 0x08 : 0);
    if (orientation !== undefined) chunks.push(riffChunk('EXIF', orientationTiff(orientation)));
  }
  // A simple WebP (no VP8X) has nowhere to put EXIF; browsers never turn such a file anyway.
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return { data: Buffer.concat([head, body]), removed: [...removed] };
}

function riffChunk(type: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(payload.length, 4);
  return Buffer.concat([head, payload, payload.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

// AVIF ------------------------------------------------------------------------------------------

async function stripHeif(data: Buffer): Promise<Stripped> {
  const metadata = await sharp(data).metadata();
  const removed = [metadata.exif && 'EXIF', metadata.xmp && 'XMP', metadata.iptc && 'IPTC'].filter(
    (name): name is string => Boolean(name),
  );
  if (!removed.length) return { data, removed };
  // Encoded again, near-losslessly, turned upright; the colour profile stays.
  const encoded = await sharp(data, { limitInputPixels: false })
    .rotate()
    .keepIccProfile()
    .avif({ quality: 90, effort: 2 })
    .toBuffer();
  return { data: encoded, removed };
}
