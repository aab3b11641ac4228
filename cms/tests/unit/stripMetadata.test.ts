import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MetadataError, stripMetadata } from '../../src/media/stripMetadata';
import { cameraExif, cameraLeaks as leaks, cameraXmp as xmp } from '../cameraMetadata';

/** A noisy picture: its compressed data has every byte value, stuffed 0xFF00s included. */
function picture(width = 96, height = 64) {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#a03040',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  });
}

async function withCameraMetadata(format: 'jpeg' | 'png' | 'webp' | 'avif', orientation = 6) {
  const noisy = await picture().png().toBuffer();
  const image = sharp(noisy).withMetadata({ orientation }).withExif(cameraExif).withXmp(xmp);
  if (format === 'jpeg') return image.jpeg({ progressive: true }).toBuffer();
  return image[format]().toBuffer();
}

const pixels = (data: Buffer) => sharp(data).raw().toBuffer();

describe('stripMetadata', () => {
  it.each(['jpeg', 'png', 'webp'] as const)(
    'takes EXIF (with GPS) and XMP out of a %s, keeping its pixels, colour profile and orientation',
    async (format) => {
      const original = await withCameraMetadata(format);
      const before = await sharp(original).metadata();
      expect(leaks(original).length).toBeGreaterThan(0);
      expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS directory
      expect(before.icc).toBeDefined();

      const { data, removed } = await stripMetadata(original);

      expect(leaks(data)).toEqual([]);
      const after = await sharp(data).metadata();
      expect(after).toMatchObject({ format: before.format, width: 96, height: 64, orientation: 6 });
      expect(after.xmp).toBeUndefined();
      // The orientation is the one tag left: a header, one entry and no next directory.
      expect(after.exif?.length).toBeLessThan(40);
      expect(after.icc).toEqual(before.icc);
      expect(await pixels(data)).toEqual(await pixels(original));
      expect(removed.length).toBeGreaterThan(0);
      // Turned upright by what Payload derives the sizes with.
      expect(await sharp(data).rotate().metadata()).toMatchObject({ width: 96, height: 64 });
      const upright = await sharp(data).rotate().toBuffer({ resolveWithObject: true });
      expect(upright.info).toMatchObject({ width: 64, height: 96 });
    },
  );

  it('leaves a photo with no metadata byte for byte as it was', async () => {
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const plain = await picture()[format]().toBuffer();
      const { data, removed } = await stripMetadata(plain);
      expect(removed, format).toEqual([]);
      expect(data.equals(plain), format).toBe(true);
    }
  });

  it('adds no orientation to an upright photo', async () => {
    const { data } = await stripMetadata(await withCameraMetadata('jpeg', 1));
    const after = await sharp(data).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
  });

  it('drops JPEG comments and pictures appended after the end of the JPEG (a phone’s depth map, its own EXIF)', async () => {
    const main = await picture().jpeg().toBuffer();
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x10]), Buffer.from('Dana Workshop.')]);
    const appended = await withCameraMetadata('jpeg');
    const file = Buffer.concat([main.subarray(0, 2), comment, main.subarray(2), appended]);

    const { data, removed } = await stripMetadata(file);

    expect(leaks(data)).toEqual([]);
    expect(removed).toEqual(expect.arrayContaining(['comment', 'data after the picture']));
    expect(data.equals(main)).toBe(true);
  });

  it('encodes again an AVIF carrying metadata, upright, and leaves a plain one alone', async () => {
    const original = await withCameraMetadata('avif');
    expect(leaks(original).length).toBeGreaterThan(0);

    const { data, removed } = await stripMetadata(original);

    expect(removed).toEqual(['EXIF', 'XMP']);
    expect(leaks(data)).toEqual([]);
    const after = await sharp(data).metadata();
    expect(after).toMatchObject({ format: 'heif', compression: 'av1' });
    expect(after.exif).toBeUndefined();
    const plain = await picture().avif().toBuffer();
    expect((await stripMetadata(plain)).data).toBe(plain);
  });

  it.each([
    [
      'a truncated JPEG',
      async () => (await picture(400, 300).jpeg().toBuffer()).subarray(0, 900),
      /ends inside/,
    ],
    ['a truncated PNG', async () => (await picture().png().toBuffer()).subarray(0, 300), /ends inside/],
    ['a truncated WebP', async () => (await withCameraMetadata('webp')).subarray(0, 200), /ends inside/],
    ['text', async () => Buffer.from('not a photo at all'), /not a JPEG, PNG, WebP or AVIF/],
    [
      'a JPEG with garbage between segments',
      async () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0x12, 0x34]),
      /stray bytes/,
    ],
  ])('refuses %s, naming what is wrong', async (_name, make, reason) => {
    const data = await make();
    const error = await stripMetadata(data).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MetadataError);
    expect((error as Error).message).toMatch(reason);
  });
});

describe('stripMetadata on damaged files', () => {
  it('either returns a file or refuses with a MetadataError, for 600 randomly damaged photos', async () => {
    // A fixed seed: a failure is reproducible.
    let state = 20261128;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const outcomes = { kept: 0, refused: 0 };
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const good = await withCameraMetadata(format);
      for (let n = 0; n < 200; n += 1) {
        const damaged = Buffer.from(good);
        // Flip a few bytes, then sometimes cut the file short.
        for (let k = 0; k < 1 + Math.floor(random() * 4); k += 1) {
          damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
        }
        const file = random() < 0.3 ? damaged.subarray(0, Math.floor(random() * damaged.length)) : damaged;
        const result: Awaited<ReturnType<typeof stripMetadata>> | Error = await stripMetadata(file).catch(
          (error: Error) => error,
        );
        if (result instanceof MetadataError) outcomes.refused += 1;
        else if (result instanceof Error) throw result;
        else {
          expect(Buffer.isBuffer(result.data)).toBe(true);
          expect(result.data.length).toBeLessThanOrEqual(file.length + 64);
          outcomes.kept += 1;
        }
      }
    }
    expect(outcomes.kept + outcomes.refused).toBe(600);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
