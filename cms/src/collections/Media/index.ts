import {
  allowedImageMimeTypes,
  imageFormats,
  responsiveSizeName,
  responsiveWidths,
  squareSize,
} from '@oyu/shared-types';
import type { CollectionConfig, ImageSize } from 'payload';
import { anyone } from '../../access/anyone';
import { isSignedIn } from '../../access/isSignedIn';
import { env } from '../../env';
import { computePlaceholder } from './hooks/computePlaceholder';

/**
 * Every rendition is encoded once, here, at upload; the site copies the files as they are.
 * Width-only sizes use `fit: 'inside'` so that sharp does not decode and encode them twice
 * around the focal point; only the square crop needs the focal point.
 * AVIF at effort 2 costs about a fifth of effort 4 for files about a quarter larger.
 */
const encoders = {
  avif: { format: 'avif', options: { quality: 55, effort: 2 } },
  webp: { format: 'webp', options: { quality: 80 } },
} as const;

const responsiveSizes: ImageSize[] = imageFormats.flatMap((format) =>
  responsiveWidths.map((width) => ({
    name: responsiveSizeName(format, width),
    width,
    fit: 'inside' as const,
    withoutEnlargement: true,
    formatOptions: encoders[format],
    admin: { disableListColumn: true, disableListFilter: true, disableGroupBy: true },
  })),
);

export const Media: CollectionConfig = {
  slug: 'media',
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'updatedAt'],
  },
  access: {
    create: isSignedIn,
    delete: isSignedIn,
    // Published pages need their photos. Hiding photos of unpublished works is hardening work.
    read: anyone,
    update: isSignedIn,
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
        admin: { disableListColumn: true, disableListFilter: true, disableGroupBy: true },
      },
    ],
    adminThumbnail: squareSize.name,
    focalPoint: true,
    crop: true,
  },
  hooks: {
    beforeChange: [computePlaceholder],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      admin: { description: 'Describe the photograph for people who cannot see it.' },
    },
    {
      name: 'lqip',
      type: 'text',
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'dominantColor',
      type: 'text',
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
};
