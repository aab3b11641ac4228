import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`editions\` ADD \`frozen\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`editions\` ADD \`frozen_at\` text;`)
  await db.run(sql`ALTER TABLE \`_editions_v\` ADD \`version_frozen\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_editions_v\` ADD \`version_frozen_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`editions\` DROP COLUMN \`frozen\`;`)
  await db.run(sql`ALTER TABLE \`editions\` DROP COLUMN \`frozen_at\`;`)
  await db.run(sql`ALTER TABLE \`_editions_v\` DROP COLUMN \`version_frozen\`;`)
  await db.run(sql`ALTER TABLE \`_editions_v\` DROP COLUMN \`version_frozen_at\`;`)
}
