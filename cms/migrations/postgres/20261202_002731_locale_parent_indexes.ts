import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "works_exhibition_history_locales_parent_id_idx" ON "works_exhibition_history_locales" USING btree ("_parent_id");
  CREATE INDEX "works_locales_parent_id_idx" ON "works_locales" USING btree ("_parent_id");
  CREATE INDEX "_works_v_version_exhibition_history_locales_parent_id_idx" ON "_works_v_version_exhibition_history_locales" USING btree ("_parent_id");
  CREATE INDEX "_works_v_locales_parent_id_idx" ON "_works_v_locales" USING btree ("_parent_id");
  CREATE INDEX "artisans_locales_parent_id_idx" ON "artisans_locales" USING btree ("_parent_id");
  CREATE INDEX "_artisans_v_locales_parent_id_idx" ON "_artisans_v_locales" USING btree ("_parent_id");
  CREATE INDEX "media_locales_parent_id_idx" ON "media_locales" USING btree ("_parent_id");
  CREATE INDEX "editions_locales_parent_id_idx" ON "editions_locales" USING btree ("_parent_id");
  CREATE INDEX "_editions_v_locales_parent_id_idx" ON "_editions_v_locales" USING btree ("_parent_id");
  CREATE INDEX "showcases_locales_parent_id_idx" ON "showcases_locales" USING btree ("_parent_id");
  CREATE INDEX "_showcases_v_locales_parent_id_idx" ON "_showcases_v_locales" USING btree ("_parent_id");
  CREATE INDEX "venues_opening_hours_locales_parent_id_idx" ON "venues_opening_hours_locales" USING btree ("_parent_id");
  CREATE INDEX "venues_locales_parent_id_idx" ON "venues_locales" USING btree ("_parent_id");
  CREATE INDEX "materials_locales_parent_id_idx" ON "materials_locales" USING btree ("_parent_id");
  CREATE INDEX "techniques_locales_parent_id_idx" ON "techniques_locales" USING btree ("_parent_id");
  CREATE INDEX "piece_types_locales_parent_id_idx" ON "piece_types_locales" USING btree ("_parent_id");
  CREATE INDEX "site_settings_locales_parent_id_idx" ON "site_settings_locales" USING btree ("_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "works_exhibition_history_locales_parent_id_idx";
  DROP INDEX "works_locales_parent_id_idx";
  DROP INDEX "_works_v_version_exhibition_history_locales_parent_id_idx";
  DROP INDEX "_works_v_locales_parent_id_idx";
  DROP INDEX "artisans_locales_parent_id_idx";
  DROP INDEX "_artisans_v_locales_parent_id_idx";
  DROP INDEX "media_locales_parent_id_idx";
  DROP INDEX "editions_locales_parent_id_idx";
  DROP INDEX "_editions_v_locales_parent_id_idx";
  DROP INDEX "showcases_locales_parent_id_idx";
  DROP INDEX "_showcases_v_locales_parent_id_idx";
  DROP INDEX "venues_opening_hours_locales_parent_id_idx";
  DROP INDEX "venues_locales_parent_id_idx";
  DROP INDEX "materials_locales_parent_id_idx";
  DROP INDEX "techniques_locales_parent_id_idx";
  DROP INDEX "piece_types_locales_parent_id_idx";
  DROP INDEX "site_settings_locales_parent_id_idx";`)
}
