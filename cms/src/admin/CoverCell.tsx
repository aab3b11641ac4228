import type { DefaultServerCellComponentProps } from 'payload';

/** The works list shows the first photo as a thumbnail, and how many more there are. */
export async function CoverCell({ cellData, payload }: DefaultServerCellComponentProps) {
  const photos = Array.isArray(cellData) ? (cellData as unknown[]) : [];
  const first = photos[0];
  const id =
    typeof first === 'object' && first ? (first as { id: number }).id : (first as number | undefined);
  const media =
    id === undefined
      ? null
      : await payload
          .findByID({
            collection: 'media',
            id,
            depth: 0,
            select: { thumbnailURL: true, url: true, sizes: true },
          })
          .catch(() => null);
  const src = media?.thumbnailURL ?? media?.url;
  if (!src) return <span>—</span>;
  return (
    <span style={{ display: 'inline-flex', gap: '0.5rem', alignItems: 'center' }}>
      <img src={src} alt="" width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} />
      {photos.length > 1 && <span>+{photos.length - 1}</span>}
    </span>
  );
}
