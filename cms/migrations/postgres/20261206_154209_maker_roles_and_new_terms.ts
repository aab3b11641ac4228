import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_works_maker_roles_role" AS ENUM('maker', 'designer', 'manufacturer', 'attributed-to');
  CREATE TYPE "public"."enum__works_v_version_maker_roles_role" AS ENUM('maker', 'designer', 'manufacturer', 'attributed-to');
  CREATE TABLE "works_maker_roles" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"artisan_id" integer,
  	"role" "enum_works_maker_roles_role"
  );
  
  CREATE TABLE "_works_v_version_maker_roles" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"artisan_id" integer,
  	"role" "enum__works_v_version_maker_roles_role",
  	"_uuid" varchar
  );
  
  ALTER TABLE "materials" ADD COLUMN "needs_translation" boolean;
  ALTER TABLE "techniques" ADD COLUMN "needs_translation" boolean;
  ALTER TABLE "piece_types" ADD COLUMN "needs_translation" boolean;
  ALTER TABLE "works_maker_roles" ADD CONSTRAINT "works_maker_roles_artisan_id_artisans_id_fk" FOREIGN KEY ("artisan_id") REFERENCES "public"."artisans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "works_maker_roles" ADD CONSTRAINT "works_maker_roles_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."works"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_works_v_version_maker_roles" ADD CONSTRAINT "_works_v_version_maker_roles_artisan_id_artisans_id_fk" FOREIGN KEY ("artisan_id") REFERENCES "public"."artisans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_works_v_version_maker_roles" ADD CONSTRAINT "_works_v_version_maker_roles_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_works_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "works_maker_roles_order_idx" ON "works_maker_roles" USING btree ("_order");
  CREATE INDEX "works_maker_roles_parent_id_idx" ON "works_maker_roles" USING btree ("_parent_id");
  CREATE INDEX "works_maker_roles_artisan_idx" ON "works_maker_roles" USING btree ("artisan_id");
  CREATE INDEX "_works_v_version_maker_roles_order_idx" ON "_works_v_version_maker_roles" USING btree ("_order");
  CREATE INDEX "_works_v_version_maker_roles_parent_id_idx" ON "_works_v_version_maker_roles" USING btree ("_parent_id");
  CREATE INDEX "_works_v_version_maker_roles_artisan_idx" ON "_works_v_version_maker_roles" USING btree ("artisan_id");
  CREATE INDEX "materials_needs_translation_idx" ON "materials" USING btree ("needs_translation");
  CREATE INDEX "techniques_needs_translation_idx" ON "techniques" USING btree ("needs_translation");
  CREATE INDEX "piece_types_needs_translation_idx" ON "piece_types" USING btree ("needs_translation");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "works_maker_roles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_works_v_version_maker_roles" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "works_maker_roles" CASCADE;
  DROP TABLE "_works_v_version_maker_roles" CASCADE;
  DROP INDEX "materials_needs_translation_idx";
  DROP INDEX "techniques_needs_translation_idx";
  DROP INDEX "piece_types_needs_translation_idx";
  ALTER TABLE "materials" DROP COLUMN "needs_translation";
  ALTER TABLE "techniques" DROP COLUMN "needs_translation";
  ALTER TABLE "piece_types" DROP COLUMN "needs_translation";
  DROP TYPE "public"."enum_works_maker_roles_role";
  DROP TYPE "public"."enum__works_v_version_maker_roles_role";`)
}
