import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site_builds" ADD COLUMN "not_before" timestamp(3) with time zone;
  ALTER TABLE "site_builds" ADD COLUMN "queue_slot" varchar;
  ALTER TABLE "site_builds" ADD COLUMN "runner" varchar;
  -- At most one build waits from now on: the newest waiting one takes the slot, older ones
  -- (left by processes that stopped) are recorded as never started.
  UPDATE "site_builds" SET "status" = 'failed', "error" = 'this build never started; a newer one replaced it'
    WHERE "status" = 'queued' AND "id" <> (SELECT max("id") FROM "site_builds" WHERE "status" = 'queued');
  UPDATE "site_builds" SET "queue_slot" = 'queued' WHERE "status" = 'queued';
  CREATE UNIQUE INDEX "site_builds_queue_slot_idx" ON "site_builds" USING btree ("queue_slot");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "site_builds_queue_slot_idx";
  ALTER TABLE "site_builds" DROP COLUMN "not_before";
  ALTER TABLE "site_builds" DROP COLUMN "queue_slot";
  ALTER TABLE "site_builds" DROP COLUMN "runner";`)
}
