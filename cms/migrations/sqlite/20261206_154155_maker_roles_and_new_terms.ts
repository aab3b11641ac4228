import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`works_maker_roles\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`artisan_id\` integer,
  	\`role\` text,
  	FOREIGN KEY (\`artisan_id\`) REFERENCES \`artisans\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`works\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`works_maker_roles_order_idx\` ON \`works_maker_roles\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`works_maker_roles_parent_id_idx\` ON \`works_maker_roles\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`works_maker_roles_artisan_idx\` ON \`works_maker_roles\` (\`artisan_id\`);`)
  await db.run(sql`CREATE TABLE \`_works_v_version_maker_roles\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`artisan_id\` integer,
  	\`role\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`artisan_id\`) REFERENCES \`artisans\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_works_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_works_v_version_maker_roles_order_idx\` ON \`_works_v_version_maker_roles\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_works_v_version_maker_roles_parent_id_idx\` ON \`_works_v_version_maker_roles\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_works_v_version_maker_roles_artisan_idx\` ON \`_works_v_version_maker_roles\` (\`artisan_id\`);`)
  await db.run(sql`ALTER TABLE \`materials\` ADD \`needs_translation\` integer;`)
  await db.run(sql`CREATE INDEX \`materials_needs_translation_idx\` ON \`materials\` (\`needs_translation\`);`)
  await db.run(sql`ALTER TABLE \`techniques\` ADD \`needs_translation\` integer;`)
  await db.run(sql`CREATE INDEX \`techniques_needs_translation_idx\` ON \`techniques\` (\`needs_translation\`);`)
  await db.run(sql`ALTER TABLE \`piece_types\` ADD \`needs_translation\` integer;`)
  await db.run(sql`CREATE INDEX \`piece_types_needs_translation_idx\` ON \`piece_types\` (\`needs_translation\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`works_maker_roles\`;`)
  await db.run(sql`DROP TABLE \`_works_v_version_maker_roles\`;`)
  await db.run(sql`DROP INDEX \`materials_needs_translation_idx\`;`)
  await db.run(sql`ALTER TABLE \`materials\` DROP COLUMN \`needs_translation\`;`)
  await db.run(sql`DROP INDEX \`techniques_needs_translation_idx\`;`)
  await db.run(sql`ALTER TABLE \`techniques\` DROP COLUMN \`needs_translation\`;`)
  await db.run(sql`DROP INDEX \`piece_types_needs_translation_idx\`;`)
  await db.run(sql`ALTER TABLE \`piece_types\` DROP COLUMN \`needs_translation\`;`)
}
