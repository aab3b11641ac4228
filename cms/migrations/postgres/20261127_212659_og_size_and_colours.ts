import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_works_colours" AS ENUM('gold', 'silver', 'copper', 'black', 'white', 'red', 'pink', 'orange', 'yellow', 'green', 'turquoise', 'blue', 'purple', 'brown', 'multicolour');
  CREATE TYPE "public"."enum__works_v_version_colours" AS ENUM('gold', 'silver', 'copper', 'black', 'white', 'red', 'pink', 'orange', 'yellow', 'green', 'turquoise', 'blue', 'purple', 'brown', 'multicolour');
  CREATE TABLE "works_colours" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_works_colours",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_works_v_version_colours" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__works_v_version_colours",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  ALTER TABLE "media" ADD COLUMN "sizes_og_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_og_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_og_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_og_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_og_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_og_filename" varchar;
  ALTER TABLE "works_colours" ADD CONSTRAINT "works_colours_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."works"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_works_v_version_colours" ADD CONSTRAINT "_works_v_version_colours_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_works_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "works_colours_order_idx" ON "works_colours" USING btree ("order");
  CREATE INDEX "works_colours_parent_idx" ON "works_colours" USING btree ("parent_id");
  CREATE INDEX "_works_v_version_colours_order_idx" ON "_works_v_version_colours" USING btree ("order");
  CREATE INDEX "_works_v_version_colours_parent_idx" ON "_works_v_version_colours" USING btree ("parent_id");
  CREATE INDEX "media_sizes_og_sizes_og_filename_idx" ON "media" USING btree ("sizes_og_filename");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "works_colours" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_works_v_version_colours" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "works_colours" CASCADE;
  DROP TABLE "_works_v_version_colours" CASCADE;
  DROP INDEX "media_sizes_og_sizes_og_filename_idx";
  ALTER TABLE "media" DROP COLUMN "sizes_og_url";
  ALTER TABLE "media" DROP COLUMN "sizes_og_width";
  ALTER TABLE "media" DROP COLUMN "sizes_og_height";
  ALTER TABLE "media" DROP COLUMN "sizes_og_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_og_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_og_filename";
  DROP TYPE "public"."enum_works_colours";
  DROP TYPE "public"."enum__works_v_version_colours";`)
}
