import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Locale, locales } from '@oyu/shared-types';
import type { Payload } from 'payload';
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload';
import { slugify } from '../fields/slugify';
import { demoArtisans, demoWorks } from './content';
import { drawPiece, drawPortrait } from './draw';

export type SeedProgress = { step: string; done: number; total: number };
export type SeedOptions = {
  onProgress?: (progress: SeedProgress) => void;
  /** Smaller photographs, for tests that do not look at pixels. */
  photoSize?: { width: number; height: number };
};

export type SeedReport = { artisans: number; works: number; drafts: number; photos: number };

/** Lexical editor state of plain paragraphs. */
export function paragraphs(texts: string[]) {
  return {
    root: {
      type: 'root',
      format: '' as const,
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      children: texts.map((text) => ({
        type: 'paragraph',
        format: '' as const,
        indent: 0,
        version: 1,
        direction: 'ltr' as const,
        textFormat: 0,
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  };
}

export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  const [artisans, works] = await Promise.all([
    payload.count({ collection: 'artisans', overrideAccess: true }),
    payload.count({ collection: 'works', overrideAccess: true }),
  ]);
  return artisans.totalDocs === 0 && works.totalDocs === 0;
}

export async function seedDemo(payload: Payload, options: SeedOptions = {}): Promise<SeedReport> {
  const photoTotal = demoArtisans.length + demoWorks.reduce((n, w) => n + w.captions.length, 0);
  let photosDone = 0;
  const report = (step: string) => options.onProgress?.({ step, done: photosDone, total: photoTotal });

  // One transaction for the whole demo: a seed that fails halfway leaves no records behind,
  // and the files it had written are removed, so the next start seeds again from scratch.
  const req = await createLocalReq({}, payload);
  await initTransaction(req);
  const writtenFiles: string[] = [];
  try {
    const upload = async (data: Buffer, name: string, alt: Record<Locale, string>) => {
      const doc = await payload.create({
        collection: 'media',
        data: { alt: alt.en },
        file: { data, mimetype: 'image/jpeg', name, size: data.length },
        locale: 'en',
        req,
      });
      writtenFiles.push(doc.filename ?? '', ...Object.values(doc.sizes ?? {}).map((s) => s?.filename ?? ''));
      for (const locale of locales.filter((l) => l !== 'en')) {
        await payload.update({ collection: 'media', id: doc.id, data: { alt: alt[locale] }, locale, req });
      }
      photosDone += 1;
      report(`photo ${name}`);
      return doc.id;
    };

    const artisanIds = new Map<string, number>();
    for (const [index, artisan] of demoArtisans.entries()) {
      const portrait = await upload(
        await drawPortrait(index + 1, artisan.backdrop),
        `${slugify(artisan.name)}-portrait.jpg`,
        { en: `Portrait of ${artisan.name}`, ru: `Портрет: ${artisan.name}`, kk: `Портрет: ${artisan.name}` },
      );
      const doc = await payload.create({
        collection: 'artisans',
        data: {
          name: artisan.name,
          slug: slugify(artisan.name),
          country: artisan.country,
          portrait,
          bio: paragraphs(artisan.bio.en),
        },
        locale: 'en',
        req,
      });
      for (const locale of locales.filter((l) => l !== 'en')) {
        await payload.update({
          collection: 'artisans',
          id: doc.id,
          data: { bio: paragraphs(artisan.bio[locale]) },
          locale,
          req,
        });
      }
      artisanIds.set(artisan.key, doc.id);
    }

    let drafts = 0;
    for (const [workIndex, work] of demoWorks.entries()) {
      const slug = slugify(work.title.en);
      const photos: { image: number; caption: string }[] = [];
      for (const [view, caption] of work.captions.entries()) {
        const image = await drawPiece(work.kind, work.palette, workIndex * 100 + view + 1, options.photoSize);
        const id = await upload(image, `${slug}-${view + 1}.jpg`, {
          en: `${work.title.en}, ${caption.en.toLowerCase()}`,
          ru: `${work.title.ru}: ${caption.ru.toLowerCase()}`,
          kk: `${work.title.kk}: ${caption.kk.toLowerCase()}`,
        });
        photos.push({ image: id, caption: caption.en });
      }
      const status = work.draft ? 'draft' : 'published';
      const artisan = artisanIds.get(work.artisan);
      if (artisan === undefined)
        throw new Error(`demo work "${work.title.en}" names unknown artisan "${work.artisan}"`);
      const doc = await payload.create({
        collection: 'works',
        data: {
          title: work.title.en,
          slug,
          artisan,
          photos,
          description: paragraphs(work.description.en),
          _status: status,
        },
        draft: Boolean(work.draft),
        locale: 'en',
        req,
      });
      for (const locale of locales.filter((l) => l !== 'en')) {
        await payload.update({
          collection: 'works',
          id: doc.id,
          data: {
            title: work.title[locale],
            description: paragraphs(work.description[locale]),
            photos: doc.photos.map((photo, i) => ({
              id: photo.id,
              image: photos[i]?.image ?? 0,
              caption: work.captions[i]?.[locale],
            })),
            _status: status,
          },
          draft: Boolean(work.draft),
          locale,
          req,
        });
      }
      if (work.draft) drafts += 1;
    }
    await commitTransaction(req);
    return {
      artisans: demoArtisans.length,
      works: demoWorks.length - drafts,
      drafts,
      photos: photosDone,
    };
  } catch (error) {
    await killTransaction(req);
    await removeFiles(payload, writtenFiles);
    throw error;
  }
}

async function removeFiles(payload: Payload, filenames: string[]) {
  const dir = payload.collections.media?.config.upload.staticDir;
  if (!dir) return;
  await Promise.all(filenames.filter(Boolean).map((name) => fs.rm(path.join(dir, name), { force: true })));
}

/** The first admin account: a random password, returned once so the caller can show it. */
export async function ensureFirstAdmin(
  payload: Payload,
  email = 'admin@oyu.local',
): Promise<{ email: string; password: string } | null> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true });
  if (totalDocs > 0) return null;
  const password = crypto.randomBytes(15).toString('base64url');
  await payload.create({
    collection: 'users',
    data: { email, password, name: 'Administrator', roles: ['admin'] },
    overrideAccess: true,
  });
  return { email, password };
}
