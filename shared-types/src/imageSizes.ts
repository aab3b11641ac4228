/**
 * The image renditions the CMS derives once, at upload, and the site reuses as they are.
 * Both sides read this module so the names cannot drift: the CMS turns it into Payload
 * `imageSizes`, the site into `srcset` attributes.
 */
export const responsiveWidths = [480, 960, 1600] as const;
export const imageFormats = ['avif', 'webp'] as const;
export type ImageFormat = (typeof imageFormats)[number];
export type ResponsiveWidth = (typeof responsiveWidths)[number];

/** A square crop around the focal point, for cards and thumbnails. */
export const squareSize = { name: 'square', width: 480, height: 480 } as const;

/**
 * The Open Graph image (1.91:1) that link previews show, cropped around the focal point. A JPEG,
 * because it is the one format every social network and messenger reads.
 * https://developers.facebook.com/docs/sharing/webmasters/images/
 */
export const ogSize = { name: 'og', width: 1200, height: 630 } as const;

export type ResponsiveSizeName = `${ImageFormat}${ResponsiveWidth}`;
export type ImageSizeName = ResponsiveSizeName | typeof squareSize.name | typeof ogSize.name;

export function responsiveSizeName(format: ImageFormat, width: ResponsiveWidth): ResponsiveSizeName {
  return `${format}${width}`;
}

export const responsiveSizeNames: ResponsiveSizeName[] = imageFormats.flatMap((format) =>
  responsiveWidths.map((width) => responsiveSizeName(format, width)),
);

export const imageSizeNames: ImageSizeName[] = [...responsiveSizeNames, squareSize.name, ogSize.name];

/** MIME types curators may upload. Everything else is refused before it reaches sharp. */
export const allowedImageMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] as const;
