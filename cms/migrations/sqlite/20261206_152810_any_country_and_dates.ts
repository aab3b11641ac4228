import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`works\` ADD \`year_circa\` integer;`)
  await db.run(sql`ALTER TABLE \`works_locales\` ADD \`year_display\` text;`)
  await db.run(sql`ALTER TABLE \`_works_v\` ADD \`version_year_circa\` integer;`)
  await db.run(sql`ALTER TABLE \`_works_v_locales\` ADD \`version_year_display\` text;`)
  await db.run(sql`ALTER TABLE \`artisans\` ADD \`death_year\` numeric;`)
  await db.run(sql`ALTER TABLE \`_artisans_v\` ADD \`version_death_year\` numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`works\` DROP COLUMN \`year_circa\`;`)
  await db.run(sql`ALTER TABLE \`works_locales\` DROP COLUMN \`year_display\`;`)
  await db.run(sql`ALTER TABLE \`_works_v\` DROP COLUMN \`version_year_circa\`;`)
  await db.run(sql`ALTER TABLE \`_works_v_locales\` DROP COLUMN \`version_year_display\`;`)
  await db.run(sql`ALTER TABLE \`artisans\` DROP COLUMN \`death_year\`;`)
  await db.run(sql`ALTER TABLE \`_artisans_v\` DROP COLUMN \`version_death_year\`;`)
}
