import {
  allowedImageMimeTypes,
  imageFormats,
  licences,
  ogSize,
  responsiveSizeName,
  responsiveWidths,
  selectOptions,
  squareSize,
} from '@oyu/shared-types';

import type { CollectionConfig, ImageSize } from 'payload';
import { isCurator } from '../../access/isCurator';
import { isOwnerOrOrganiser } from '../../access/isOwnerOrOrganiser';
import { publicMedia } from '../../access/publicMedia';
import { env } from '../../env';
import { createdByField } from '../../fields/createdBy';
import { requiredInEnglish } from '../../fields/validators';
import {
  holdReplacedFiles,
  releaseReplacedFiles,
  rememberNewFiles,
  undoFailedUpload,
} from '../../media/safeUpload';
import { computePlaceholder } from './hooks/computePlaceholder';
import { summarizeRenditions } from './hooks/summarizeRenditions';
import { validateImage } from './hooks/validateImage';

/**
 * Every rendition is encoded once, here, at upload; the site copies the files as they are.
 * Width-only sizes use `fit: 'inside'` so that sharp does not decode and encode them twice
 * around the focal point; only the square and Open Graph crops need the focal point.
 * AVIF at effort 2 is several times cheaper than effort 4, for files only somewhat larger
 * (docs/performance.notes.md).
 */
const encoders = {
  avif: { format: 'avif', options: { quality: 55, effort: 2 } },
  webp: { format: 'webp', options: { quality: 80 } },
  // Link previews: JPEG is the one format every social network and messenger reads.
  jpeg: { format: 'jpeg', options: { quality: 82, progressive: true } },
} as const;

const hiddenInList = { disableListColumn: true, disableListFilter: true, disableGroupBy: true };

const responsiveSizes: ImageSize[] = imageFormats.flatMap((format) =>
  responsiveWidths.map((width) => ({
    name: responsiveSizeName(format, width),
    width,
    fit: 'inside' as const,
    withoutEnlargement: true,
    formatOptions: encoders[format],
    admin: hiddenInList,
  })),
);

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { en: 'Photo', ru: 'Фото' }, plural: { en: 'Photos', ru: 'Фото' } },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'credit', 'isPublic', 'updatedAt'],
    description: {
      en: 'Drop several photos at once to upload them together. JPEG, PNG, WebP or AVIF, up to 40 MB each.',
      ru: 'Перетащите сразу несколько фото, чтобы загрузить их вместе. JPEG, PNG, WebP или AVIF, до 40 МБ.',
    },
  },
  access: {
    create: isCurator,
    delete: isOwnerOrOrganiser,
    read: publicMedia,
    update: isOwnerOrOrganiser,
  },
  upload: {
    staticDir: env.mediaDir,
    mimeTypes: [...allowedImageMimeTypes],
    imageSizes: [
      ...responsiveSizes,
      {
        name: squareSize.name,
        width: squareSize.width,
        height: squareSize.height,
        fit: 'cover',
        formatOptions: encoders.webp,
        admin: hiddenInList,
      },
      // Like the square, `withoutEnlargement` is left unset, so Payload crops around the focal
      // point to exactly 1200×630 (scaling up an original short in one direction only), and
      // makes no file for an original smaller than that in both directions: the site then falls
      // back to the largest WebP. With `true`, sharp would return off-ratio sizes such as
      // 1000×630, cropped at the centre rather than around the focal point.
      {
        name: ogSize.name,
        width: ogSize.width,
        height: ogSize.height,
        fit: 'cover',
        formatOptions: encoders.jpeg,
        admin: hiddenInList,
      },
    ],
    adminThumbnail: squareSize.name,
    focalPoint: true,
    crop: true,
  },
  hooks: {
    beforeOperation: [validateImage, holdReplacedFiles],
    beforeValidate: [rememberNewFiles],
    beforeChange: [computePlaceholder, summarizeRenditions],
    // A failed upload or replacement leaves the media folder as it was (media/safeUpload.ts).
    afterOperation: [releaseReplacedFiles],
    afterError: [undoFailedUpload],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      validate: requiredInEnglish,
      admin: {
        description: {
          en: 'Describe what the photo shows for people who cannot see it, e.g. “Silver ring with a carnelian, seen from above”.',
          ru: 'Опишите, что на фото, для тех, кто его не видит: «Серебряное кольцо с сердоликом, вид сверху».',
        },
      },
    },
    {
      name: 'caption',
      type: 'text',
      localized: true,
      admin: {
        description: {
          en: 'Shown under the photo, e.g. “Three-quarter view”.',
          ru: 'Подпись под фото, например «Вид сбоку».',
        },
      },
    },
    {
      name: 'credit',
      type: 'text',
      admin: {
        description: {
          en: 'Photographer, e.g. “Photo: Dana Abenova”.',
          ru: 'Фотограф, например «Фото: Дана Абенова».',
        },
      },
    },
    {
      name: 'licence',
      type: 'select',
      defaultValue: 'all-rights-reserved',
      options: selectOptions(licences),
    },
    createdByField(),
    {
      name: 'isPublic',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      // Maintained by the refreshMediaVisibility hook only.
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          en: 'Public while a published work, artisan or edition uses it.',
          ru: 'Публично, пока его использует опубликованная запись.',
        },
      },
    },
    {
      name: 'lqip',
      type: 'text',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'dominantColor',
      type: 'text',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      // Maintained by the summarizeRenditions hook only: what the public API answers for sizes.
      name: 'renditions',
      type: 'json',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'palette',
      type: 'json',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, hidden: true },
    },
  ],
};
