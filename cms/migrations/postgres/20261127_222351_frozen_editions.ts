import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "editions" ADD COLUMN "frozen" boolean DEFAULT false;
  ALTER TABLE "editions" ADD COLUMN "frozen_at" timestamp(3) with time zone;
  ALTER TABLE "_editions_v" ADD COLUMN "version_frozen" boolean DEFAULT false;
  ALTER TABLE "_editions_v" ADD COLUMN "version_frozen_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "editions" DROP COLUMN "frozen";
  ALTER TABLE "editions" DROP COLUMN "frozen_at";
  ALTER TABLE "_editions_v" DROP COLUMN "version_frozen";
  ALTER TABLE "_editions_v" DROP COLUMN "version_frozen_at";`)
}
