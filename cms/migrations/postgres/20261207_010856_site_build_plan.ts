import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site_builds" ALTER COLUMN "phase" SET DATA TYPE varchar;
  ALTER TABLE "site_builds" ADD COLUMN "mode" varchar;
  ALTER TABLE "site_builds" ADD COLUMN "rendered" numeric;
  ALTER TABLE "site_builds" ADD COLUMN "reason" varchar;
  DROP TYPE "public"."enum_site_builds_phase";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   UPDATE "site_builds" SET "phase" = NULL WHERE "phase" NOT IN ('data', 'pages', 'search', 'photos', 'check', 'publish', 'deploy');
  CREATE TYPE "public"."enum_site_builds_phase" AS ENUM('data', 'pages', 'search', 'photos', 'check', 'publish', 'deploy');
  ALTER TABLE "site_builds" ALTER COLUMN "phase" SET DATA TYPE "public"."enum_site_builds_phase" USING "phase"::"public"."enum_site_builds_phase";
  ALTER TABLE "site_builds" DROP COLUMN "mode";
  ALTER TABLE "site_builds" DROP COLUMN "rendered";
  ALTER TABLE "site_builds" DROP COLUMN "reason";`)
}
