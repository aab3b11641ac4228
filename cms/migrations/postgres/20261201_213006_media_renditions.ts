import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Every size of a photo in one JSON field, for the public API (Media's summarizeRenditions hook
// keeps it from then on); the photos already there get theirs from their sizes' columns. The
// sizes are named here as they are today: a migration does not follow later changes.
// reset_password_requested_at went with Payload's reset interval (Users, forgotPassword), whose
// column was left behind.
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "renditions" jsonb;
  UPDATE "media" SET "renditions" = jsonb_build_object(
      'avif480', CASE WHEN sizes_avif480_filename IS NULL OR sizes_avif480_width IS NULL OR sizes_avif480_height IS NULL THEN NULL ELSE jsonb_build_object('filename', sizes_avif480_filename, 'width', sizes_avif480_width, 'height', sizes_avif480_height, 'mimeType', sizes_avif480_mime_type, 'filesize', sizes_avif480_filesize) END,
      'avif960', CASE WHEN sizes_avif960_filename IS NULL OR sizes_avif960_width IS NULL OR sizes_avif960_height IS NULL THEN NULL ELSE jsonb_build_object('filename', sizes_avif960_filename, 'width', sizes_avif960_width, 'height', sizes_avif960_height, 'mimeType', sizes_avif960_mime_type, 'filesize', sizes_avif960_filesize) END,
      'avif1600', CASE WHEN sizes_avif1600_filename IS NULL OR sizes_avif1600_width IS NULL OR sizes_avif1600_height IS NULL THEN NULL ELSE jsonb_build_object('filename', sizes_avif1600_filename, 'width', sizes_avif1600_width, 'height', sizes_avif1600_height, 'mimeType', sizes_avif1600_mime_type, 'filesize', sizes_avif1600_filesize) END,
      'webp480', CASE WHEN sizes_webp480_filename IS NULL OR sizes_webp480_width IS NULL OR sizes_webp480_height IS NULL THEN NULL ELSE jsonb_build_object('filename', sizes_webp480_filename, 'width', sizes_webp480_width, 'height', sizes_webp480_height, 'mimeType', sizes_webp480_mime_type, 'filesize', sizes_webp480_filesize) END,
      'webp960', CASE WHEN sizes_webp960_filename IS NULL OR sizes_webp960_width IS NULL OR sizes_webp960_height IS NULL THEN NULL ELSE jsonb_build_object('filename', sizes_webp960_filename, 'width', sizes_webp960_width, 'height', sizes_webp960_height, 'mimeType', sizes_webp960_mime_type, 'filesize', sizes_webp960_filesize) END,
      'webp1600', CASE WHEN sizes_webp1600_filename IS NULL OR sizes_webp1600_width IS NULL OR sizes_webp1600_height IS NULL THEN NULL ELSE jsonb_build_object('filename', sizes_webp1600_filename, 'width', sizes_webp1600_width, 'height', sizes_webp1600_height, 'mimeType', sizes_webp1600_mime_type, 'filesize', sizes_webp1600_filesize) END,
      'square', CASE WHEN sizes_square_filename IS NULL OR sizes_square_width IS NULL OR sizes_square_height IS NULL THEN NULL ELSE jsonb_build_object('filename', sizes_square_filename, 'width', sizes_square_width, 'height', sizes_square_height, 'mimeType', sizes_square_mime_type, 'filesize', sizes_square_filesize) END,
      'og', CASE WHEN sizes_og_filename IS NULL OR sizes_og_width IS NULL OR sizes_og_height IS NULL THEN NULL ELSE jsonb_build_object('filename', sizes_og_filename, 'width', sizes_og_width, 'height', sizes_og_height, 'mimeType', sizes_og_mime_type, 'filesize', sizes_og_filesize) END
    );
  ALTER TABLE "users" DROP COLUMN "reset_password_requested_at";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" ADD COLUMN "reset_password_requested_at" timestamp(3) with time zone;
  ALTER TABLE "media" DROP COLUMN "renditions";`)
}
