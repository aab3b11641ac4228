import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site_builds\` ADD \`not_before\` text;`)
  await db.run(sql`ALTER TABLE \`site_builds\` ADD \`queue_slot\` text;`)
  await db.run(sql`ALTER TABLE \`site_builds\` ADD \`runner\` text;`)
  // At most one build waits from now on: the newest waiting one takes the slot, older ones
  // (left by processes that stopped) are recorded as never started.
  await db.run(sql`UPDATE \`site_builds\` SET \`status\` = 'failed', \`error\` = 'this build never started; a newer one replaced it' WHERE \`status\` = 'queued' AND \`id\` <> (SELECT max(\`id\`) FROM \`site_builds\` WHERE \`status\` = 'queued');`)
  await db.run(sql`UPDATE \`site_builds\` SET \`queue_slot\` = 'queued' WHERE \`status\` = 'queued';`)
  await db.run(sql`CREATE UNIQUE INDEX \`site_builds_queue_slot_idx\` ON \`site_builds\` (\`queue_slot\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`site_builds_queue_slot_idx\`;`)
  await db.run(sql`ALTER TABLE \`site_builds\` DROP COLUMN \`not_before\`;`)
  await db.run(sql`ALTER TABLE \`site_builds\` DROP COLUMN \`queue_slot\`;`)
  await db.run(sql`ALTER TABLE \`site_builds\` DROP COLUMN \`runner\`;`)
}
