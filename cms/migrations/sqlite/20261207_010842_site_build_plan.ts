import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site_builds\` ADD \`mode\` text;`)
  await db.run(sql`ALTER TABLE \`site_builds\` ADD \`rendered\` numeric;`)
  await db.run(sql`ALTER TABLE \`site_builds\` ADD \`reason\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site_builds\` DROP COLUMN \`mode\`;`)
  await db.run(sql`ALTER TABLE \`site_builds\` DROP COLUMN \`rendered\`;`)
  await db.run(sql`ALTER TABLE \`site_builds\` DROP COLUMN \`reason\`;`)
}
