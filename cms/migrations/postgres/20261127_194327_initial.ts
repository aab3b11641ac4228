import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('en', 'ru', 'kk');
  CREATE TYPE "public"."enum_works_edition_type" AS ENUM('unique', 'edition');
  CREATE TYPE "public"."enum_works_licence" AS ENUM('all-rights-reserved', 'cc-by-4.0', 'cc-by-sa-4.0', 'cc-by-nc-4.0', 'cc-by-nc-nd-4.0', 'cc0', 'public-domain');
  CREATE TYPE "public"."enum_works_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__works_v_version_edition_type" AS ENUM('unique', 'edition');
  CREATE TYPE "public"."enum__works_v_version_licence" AS ENUM('all-rights-reserved', 'cc-by-4.0', 'cc-by-sa-4.0', 'cc-by-nc-4.0', 'cc-by-nc-nd-4.0', 'cc0', 'public-domain');
  CREATE TYPE "public"."enum__works_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__works_v_published_locale" AS ENUM('en', 'ru', 'kk');
  CREATE TYPE "public"."enum_artisans_disciplines" AS ENUM('jewellery', 'goldsmithing', 'silversmithing', 'enamel', 'stone-setting', 'textile', 'felt', 'leather', 'ceramics', 'woodwork');
  CREATE TYPE "public"."enum_artisans_social_links_platform" AS ENUM('instagram', 'facebook', 'behance', 'telegram', 'vk', 'youtube', 'tiktok', 'other');
  CREATE TYPE "public"."enum_artisans_country" AS ENUM('KZ', 'KG', 'UZ', 'TJ', 'TM', 'AF', 'AM', 'AZ', 'CN', 'GE', 'IR', 'MN', 'RU', 'TR', 'AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'UA');
  CREATE TYPE "public"."enum_artisans_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__artisans_v_version_disciplines" AS ENUM('jewellery', 'goldsmithing', 'silversmithing', 'enamel', 'stone-setting', 'textile', 'felt', 'leather', 'ceramics', 'woodwork');
  CREATE TYPE "public"."enum__artisans_v_version_social_links_platform" AS ENUM('instagram', 'facebook', 'behance', 'telegram', 'vk', 'youtube', 'tiktok', 'other');
  CREATE TYPE "public"."enum__artisans_v_version_country" AS ENUM('KZ', 'KG', 'UZ', 'TJ', 'TM', 'AF', 'AM', 'AZ', 'CN', 'GE', 'IR', 'MN', 'RU', 'TR', 'AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'UA');
  CREATE TYPE "public"."enum__artisans_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__artisans_v_published_locale" AS ENUM('en', 'ru', 'kk');
  CREATE TYPE "public"."enum_media_licence" AS ENUM('all-rights-reserved', 'cc-by-4.0', 'cc-by-sa-4.0', 'cc-by-nc-4.0', 'cc-by-nc-nd-4.0', 'cc0', 'public-domain');
  CREATE TYPE "public"."enum_editions_stage" AS ENUM('upcoming', 'current', 'archived');
  CREATE TYPE "public"."enum_editions_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__editions_v_version_stage" AS ENUM('upcoming', 'current', 'archived');
  CREATE TYPE "public"."enum__editions_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__editions_v_published_locale" AS ENUM('en', 'ru', 'kk');
  CREATE TYPE "public"."enum_showcases_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__showcases_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__showcases_v_published_locale" AS ENUM('en', 'ru', 'kk');
  CREATE TYPE "public"."enum_materials_kind" AS ENUM('metal', 'gemstone', 'organic', 'textile', 'other');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'organiser', 'curator');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TABLE "works_exhibition_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"year" numeric,
  	"title" varchar
  );
  
  CREATE TABLE "works_exhibition_history_locales" (
  	"venue" varchar,
  	"city" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "works" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"piece_type_id" integer,
  	"fineness" numeric,
  	"hallmark" varchar,
  	"weight_grams" numeric,
  	"dimensions_height_mm" numeric,
  	"dimensions_width_mm" numeric,
  	"dimensions_depth_mm" numeric,
  	"dimensions_diameter_mm" numeric,
  	"year_from" numeric,
  	"year_to" numeric,
  	"edition_type" "enum_works_edition_type" DEFAULT 'unique',
  	"edition_size" numeric,
  	"licence" "enum_works_licence" DEFAULT 'all-rights-reserved',
  	"rights_holder" varchar,
  	"slug" varchar,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_works_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "works_locales" (
  	"title" varchar,
  	"description" jsonb,
  	"marks" varchar,
  	"credit_line" varchar,
  	"provenance" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "works_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"artisans_id" integer,
  	"media_id" integer,
  	"editions_id" integer,
  	"materials_id" integer,
  	"techniques_id" integer
  );
  
  CREATE TABLE "_works_v_version_exhibition_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"year" numeric,
  	"title" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_works_v_version_exhibition_history_locales" (
  	"venue" varchar,
  	"city" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_works_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_piece_type_id" integer,
  	"version_fineness" numeric,
  	"version_hallmark" varchar,
  	"version_weight_grams" numeric,
  	"version_dimensions_height_mm" numeric,
  	"version_dimensions_width_mm" numeric,
  	"version_dimensions_depth_mm" numeric,
  	"version_dimensions_diameter_mm" numeric,
  	"version_year_from" numeric,
  	"version_year_to" numeric,
  	"version_edition_type" "enum__works_v_version_edition_type" DEFAULT 'unique',
  	"version_edition_size" numeric,
  	"version_licence" "enum__works_v_version_licence" DEFAULT 'all-rights-reserved',
  	"version_rights_holder" varchar,
  	"version_slug" varchar,
  	"version_created_by_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__works_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__works_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_works_v_locales" (
  	"version_title" varchar,
  	"version_description" jsonb,
  	"version_marks" varchar,
  	"version_credit_line" varchar,
  	"version_provenance" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_works_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"artisans_id" integer,
  	"media_id" integer,
  	"editions_id" integer,
  	"materials_id" integer,
  	"techniques_id" integer
  );
  
  CREATE TABLE "artisans_disciplines" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_artisans_disciplines",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "artisans_social_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"platform" "enum_artisans_social_links_platform",
  	"url" varchar
  );
  
  CREATE TABLE "artisans" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"slug" varchar,
  	"country" "enum_artisans_country",
  	"birth_year" numeric,
  	"portrait_id" integer,
  	"website" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_artisans_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "artisans_locales" (
  	"city" varchar,
  	"bio" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_artisans_v_version_disciplines" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__artisans_v_version_disciplines",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_artisans_v_version_social_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"platform" "enum__artisans_v_version_social_links_platform",
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_artisans_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_name" varchar,
  	"version_slug" varchar,
  	"version_country" "enum__artisans_v_version_country",
  	"version_birth_year" numeric,
  	"version_portrait_id" integer,
  	"version_website" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__artisans_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__artisans_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_artisans_v_locales" (
  	"version_city" varchar,
  	"version_bio" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"credit" varchar,
  	"licence" "enum_media_licence" DEFAULT 'all-rights-reserved',
  	"created_by_id" integer,
  	"is_public" boolean DEFAULT false,
  	"lqip" varchar,
  	"dominant_color" varchar,
  	"palette" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_avif480_url" varchar,
  	"sizes_avif480_width" numeric,
  	"sizes_avif480_height" numeric,
  	"sizes_avif480_mime_type" varchar,
  	"sizes_avif480_filesize" numeric,
  	"sizes_avif480_filename" varchar,
  	"sizes_avif960_url" varchar,
  	"sizes_avif960_width" numeric,
  	"sizes_avif960_height" numeric,
  	"sizes_avif960_mime_type" varchar,
  	"sizes_avif960_filesize" numeric,
  	"sizes_avif960_filename" varchar,
  	"sizes_avif1600_url" varchar,
  	"sizes_avif1600_width" numeric,
  	"sizes_avif1600_height" numeric,
  	"sizes_avif1600_mime_type" varchar,
  	"sizes_avif1600_filesize" numeric,
  	"sizes_avif1600_filename" varchar,
  	"sizes_webp480_url" varchar,
  	"sizes_webp480_width" numeric,
  	"sizes_webp480_height" numeric,
  	"sizes_webp480_mime_type" varchar,
  	"sizes_webp480_filesize" numeric,
  	"sizes_webp480_filename" varchar,
  	"sizes_webp960_url" varchar,
  	"sizes_webp960_width" numeric,
  	"sizes_webp960_height" numeric,
  	"sizes_webp960_mime_type" varchar,
  	"sizes_webp960_filesize" numeric,
  	"sizes_webp960_filename" varchar,
  	"sizes_webp1600_url" varchar,
  	"sizes_webp1600_width" numeric,
  	"sizes_webp1600_height" numeric,
  	"sizes_webp1600_mime_type" varchar,
  	"sizes_webp1600_filesize" numeric,
  	"sizes_webp1600_filename" varchar,
  	"sizes_square_url" varchar,
  	"sizes_square_width" numeric,
  	"sizes_square_height" numeric,
  	"sizes_square_mime_type" varchar,
  	"sizes_square_filesize" numeric,
  	"sizes_square_filename" varchar
  );
  
  CREATE TABLE "media_locales" (
  	"alt" varchar NOT NULL,
  	"caption" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "editions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"year" numeric,
  	"stage" "enum_editions_stage" DEFAULT 'upcoming',
  	"start_date" timestamp(3) with time zone,
  	"end_date" timestamp(3) with time zone,
  	"hero_image_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_editions_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "editions_locales" (
  	"title" varchar,
  	"theme" varchar,
  	"description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "editions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"venues_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "_editions_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_year" numeric,
  	"version_stage" "enum__editions_v_version_stage" DEFAULT 'upcoming',
  	"version_start_date" timestamp(3) with time zone,
  	"version_end_date" timestamp(3) with time zone,
  	"version_hero_image_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__editions_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__editions_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_editions_v_locales" (
  	"version_title" varchar,
  	"version_theme" varchar,
  	"version_description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_editions_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"venues_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "showcases" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"edition_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_showcases_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "showcases_locales" (
  	"title" varchar,
  	"introduction" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "showcases_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"works_id" integer
  );
  
  CREATE TABLE "_showcases_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_edition_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__showcases_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__showcases_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_showcases_v_locales" (
  	"version_title" varchar,
  	"version_introduction" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_showcases_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"works_id" integer
  );
  
  CREATE TABLE "venues_opening_hours" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"edition_id" integer NOT NULL
  );
  
  CREATE TABLE "venues_opening_hours_locales" (
  	"hours" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "venues" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"location_latitude" numeric,
  	"location_longitude" numeric,
  	"website" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "venues_locales" (
  	"name" varchar NOT NULL,
  	"address" varchar,
  	"city" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "materials" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"kind" "enum_materials_kind" DEFAULT 'other' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "materials_locales" (
  	"label" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "techniques" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "techniques_locales" (
  	"label" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "piece_types" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "piece_types_locales" (
  	"label" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"works_id" integer,
  	"artisans_id" integer,
  	"media_id" integer,
  	"editions_id" integer,
  	"showcases_id" integer,
  	"venues_id" integer,
  	"materials_id" integer,
  	"techniques_id" integer,
  	"piece_types_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "site_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"current_edition_id" integer,
  	"contact_email" varchar,
  	"contact_phone" varchar,
  	"contact_website" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "site_settings_locales" (
  	"about" jsonb,
  	"contact_address" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  ALTER TABLE "works_exhibition_history" ADD CONSTRAINT "works_exhibition_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."works"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "works_exhibition_history_locales" ADD CONSTRAINT "works_exhibition_history_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."works_exhibition_history"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "works" ADD CONSTRAINT "works_piece_type_id_piece_types_id_fk" FOREIGN KEY ("piece_type_id") REFERENCES "public"."piece_types"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "works" ADD CONSTRAINT "works_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "works_locales" ADD CONSTRAINT "works_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."works"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "works_rels" ADD CONSTRAINT "works_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."works"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "works_rels" ADD CONSTRAINT "works_rels_artisans_fk" FOREIGN KEY ("artisans_id") REFERENCES "public"."artisans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "works_rels" ADD CONSTRAINT "works_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "works_rels" ADD CONSTRAINT "works_rels_editions_fk" FOREIGN KEY ("editions_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "works_rels" ADD CONSTRAINT "works_rels_materials_fk" FOREIGN KEY ("materials_id") REFERENCES "public"."materials"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "works_rels" ADD CONSTRAINT "works_rels_techniques_fk" FOREIGN KEY ("techniques_id") REFERENCES "public"."techniques"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_works_v_version_exhibition_history" ADD CONSTRAINT "_works_v_version_exhibition_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_works_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_works_v_version_exhibition_history_locales" ADD CONSTRAINT "_works_v_version_exhibition_history_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_works_v_version_exhibition_history"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_works_v" ADD CONSTRAINT "_works_v_parent_id_works_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."works"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_works_v" ADD CONSTRAINT "_works_v_version_piece_type_id_piece_types_id_fk" FOREIGN KEY ("version_piece_type_id") REFERENCES "public"."piece_types"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_works_v" ADD CONSTRAINT "_works_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_works_v_locales" ADD CONSTRAINT "_works_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_works_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_works_v_rels" ADD CONSTRAINT "_works_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_works_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_works_v_rels" ADD CONSTRAINT "_works_v_rels_artisans_fk" FOREIGN KEY ("artisans_id") REFERENCES "public"."artisans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_works_v_rels" ADD CONSTRAINT "_works_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_works_v_rels" ADD CONSTRAINT "_works_v_rels_editions_fk" FOREIGN KEY ("editions_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_works_v_rels" ADD CONSTRAINT "_works_v_rels_materials_fk" FOREIGN KEY ("materials_id") REFERENCES "public"."materials"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_works_v_rels" ADD CONSTRAINT "_works_v_rels_techniques_fk" FOREIGN KEY ("techniques_id") REFERENCES "public"."techniques"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "artisans_disciplines" ADD CONSTRAINT "artisans_disciplines_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."artisans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "artisans_social_links" ADD CONSTRAINT "artisans_social_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."artisans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "artisans" ADD CONSTRAINT "artisans_portrait_id_media_id_fk" FOREIGN KEY ("portrait_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "artisans_locales" ADD CONSTRAINT "artisans_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."artisans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_artisans_v_version_disciplines" ADD CONSTRAINT "_artisans_v_version_disciplines_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_artisans_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_artisans_v_version_social_links" ADD CONSTRAINT "_artisans_v_version_social_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_artisans_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_artisans_v" ADD CONSTRAINT "_artisans_v_parent_id_artisans_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."artisans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_artisans_v" ADD CONSTRAINT "_artisans_v_version_portrait_id_media_id_fk" FOREIGN KEY ("version_portrait_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_artisans_v_locales" ADD CONSTRAINT "_artisans_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_artisans_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "editions" ADD CONSTRAINT "editions_hero_image_id_media_id_fk" FOREIGN KEY ("hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editions_locales" ADD CONSTRAINT "editions_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "editions_rels" ADD CONSTRAINT "editions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "editions_rels" ADD CONSTRAINT "editions_rels_venues_fk" FOREIGN KEY ("venues_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "editions_rels" ADD CONSTRAINT "editions_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_editions_v" ADD CONSTRAINT "_editions_v_parent_id_editions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_editions_v" ADD CONSTRAINT "_editions_v_version_hero_image_id_media_id_fk" FOREIGN KEY ("version_hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_editions_v_locales" ADD CONSTRAINT "_editions_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_editions_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_editions_v_rels" ADD CONSTRAINT "_editions_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_editions_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_editions_v_rels" ADD CONSTRAINT "_editions_v_rels_venues_fk" FOREIGN KEY ("venues_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_editions_v_rels" ADD CONSTRAINT "_editions_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "showcases" ADD CONSTRAINT "showcases_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "showcases_locales" ADD CONSTRAINT "showcases_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."showcases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "showcases_rels" ADD CONSTRAINT "showcases_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."showcases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "showcases_rels" ADD CONSTRAINT "showcases_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "showcases_rels" ADD CONSTRAINT "showcases_rels_works_fk" FOREIGN KEY ("works_id") REFERENCES "public"."works"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_showcases_v" ADD CONSTRAINT "_showcases_v_parent_id_showcases_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."showcases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_showcases_v" ADD CONSTRAINT "_showcases_v_version_edition_id_editions_id_fk" FOREIGN KEY ("version_edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_showcases_v_locales" ADD CONSTRAINT "_showcases_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_showcases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_showcases_v_rels" ADD CONSTRAINT "_showcases_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_showcases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_showcases_v_rels" ADD CONSTRAINT "_showcases_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_showcases_v_rels" ADD CONSTRAINT "_showcases_v_rels_works_fk" FOREIGN KEY ("works_id") REFERENCES "public"."works"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "venues_opening_hours" ADD CONSTRAINT "venues_opening_hours_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "venues_opening_hours" ADD CONSTRAINT "venues_opening_hours_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "venues_opening_hours_locales" ADD CONSTRAINT "venues_opening_hours_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."venues_opening_hours"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "venues_locales" ADD CONSTRAINT "venues_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "materials_locales" ADD CONSTRAINT "materials_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."materials"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "techniques_locales" ADD CONSTRAINT "techniques_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."techniques"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "piece_types_locales" ADD CONSTRAINT "piece_types_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."piece_types"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_works_fk" FOREIGN KEY ("works_id") REFERENCES "public"."works"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_artisans_fk" FOREIGN KEY ("artisans_id") REFERENCES "public"."artisans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_editions_fk" FOREIGN KEY ("editions_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_showcases_fk" FOREIGN KEY ("showcases_id") REFERENCES "public"."showcases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_venues_fk" FOREIGN KEY ("venues_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_materials_fk" FOREIGN KEY ("materials_id") REFERENCES "public"."materials"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_techniques_fk" FOREIGN KEY ("techniques_id") REFERENCES "public"."techniques"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_piece_types_fk" FOREIGN KEY ("piece_types_id") REFERENCES "public"."piece_types"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_current_edition_id_editions_id_fk" FOREIGN KEY ("current_edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "site_settings_locales" ADD CONSTRAINT "site_settings_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."site_settings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "works_exhibition_history_order_idx" ON "works_exhibition_history" USING btree ("_order");
  CREATE INDEX "works_exhibition_history_parent_id_idx" ON "works_exhibition_history" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "works_exhibition_history_locales_locale_parent_id_unique" ON "works_exhibition_history_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "works_piece_type_idx" ON "works" USING btree ("piece_type_id");
  CREATE UNIQUE INDEX "works_slug_idx" ON "works" USING btree ("slug");
  CREATE INDEX "works_created_by_idx" ON "works" USING btree ("created_by_id");
  CREATE INDEX "works_updated_at_idx" ON "works" USING btree ("updated_at");
  CREATE INDEX "works_created_at_idx" ON "works" USING btree ("created_at");
  CREATE INDEX "works__status_idx" ON "works" USING btree ("_status");
  CREATE UNIQUE INDEX "works_locales_locale_parent_id_unique" ON "works_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "works_rels_order_idx" ON "works_rels" USING btree ("order");
  CREATE INDEX "works_rels_parent_idx" ON "works_rels" USING btree ("parent_id");
  CREATE INDEX "works_rels_path_idx" ON "works_rels" USING btree ("path");
  CREATE INDEX "works_rels_artisans_id_idx" ON "works_rels" USING btree ("artisans_id");
  CREATE INDEX "works_rels_media_id_idx" ON "works_rels" USING btree ("media_id");
  CREATE INDEX "works_rels_editions_id_idx" ON "works_rels" USING btree ("editions_id");
  CREATE INDEX "works_rels_materials_id_idx" ON "works_rels" USING btree ("materials_id");
  CREATE INDEX "works_rels_techniques_id_idx" ON "works_rels" USING btree ("techniques_id");
  CREATE INDEX "_works_v_version_exhibition_history_order_idx" ON "_works_v_version_exhibition_history" USING btree ("_order");
  CREATE INDEX "_works_v_version_exhibition_history_parent_id_idx" ON "_works_v_version_exhibition_history" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_works_v_version_exhibition_history_locales_locale_parent_id" ON "_works_v_version_exhibition_history_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_works_v_parent_idx" ON "_works_v" USING btree ("parent_id");
  CREATE INDEX "_works_v_version_version_piece_type_idx" ON "_works_v" USING btree ("version_piece_type_id");
  CREATE INDEX "_works_v_version_version_slug_idx" ON "_works_v" USING btree ("version_slug");
  CREATE INDEX "_works_v_version_version_created_by_idx" ON "_works_v" USING btree ("version_created_by_id");
  CREATE INDEX "_works_v_version_version_updated_at_idx" ON "_works_v" USING btree ("version_updated_at");
  CREATE INDEX "_works_v_version_version_created_at_idx" ON "_works_v" USING btree ("version_created_at");
  CREATE INDEX "_works_v_version_version__status_idx" ON "_works_v" USING btree ("version__status");
  CREATE INDEX "_works_v_created_at_idx" ON "_works_v" USING btree ("created_at");
  CREATE INDEX "_works_v_updated_at_idx" ON "_works_v" USING btree ("updated_at");
  CREATE INDEX "_works_v_snapshot_idx" ON "_works_v" USING btree ("snapshot");
  CREATE INDEX "_works_v_published_locale_idx" ON "_works_v" USING btree ("published_locale");
  CREATE INDEX "_works_v_latest_idx" ON "_works_v" USING btree ("latest");
  CREATE INDEX "_works_v_autosave_idx" ON "_works_v" USING btree ("autosave");
  CREATE UNIQUE INDEX "_works_v_locales_locale_parent_id_unique" ON "_works_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_works_v_rels_order_idx" ON "_works_v_rels" USING btree ("order");
  CREATE INDEX "_works_v_rels_parent_idx" ON "_works_v_rels" USING btree ("parent_id");
  CREATE INDEX "_works_v_rels_path_idx" ON "_works_v_rels" USING btree ("path");
  CREATE INDEX "_works_v_rels_artisans_id_idx" ON "_works_v_rels" USING btree ("artisans_id");
  CREATE INDEX "_works_v_rels_media_id_idx" ON "_works_v_rels" USING btree ("media_id");
  CREATE INDEX "_works_v_rels_editions_id_idx" ON "_works_v_rels" USING btree ("editions_id");
  CREATE INDEX "_works_v_rels_materials_id_idx" ON "_works_v_rels" USING btree ("materials_id");
  CREATE INDEX "_works_v_rels_techniques_id_idx" ON "_works_v_rels" USING btree ("techniques_id");
  CREATE INDEX "artisans_disciplines_order_idx" ON "artisans_disciplines" USING btree ("order");
  CREATE INDEX "artisans_disciplines_parent_idx" ON "artisans_disciplines" USING btree ("parent_id");
  CREATE INDEX "artisans_social_links_order_idx" ON "artisans_social_links" USING btree ("_order");
  CREATE INDEX "artisans_social_links_parent_id_idx" ON "artisans_social_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "artisans_slug_idx" ON "artisans" USING btree ("slug");
  CREATE INDEX "artisans_portrait_idx" ON "artisans" USING btree ("portrait_id");
  CREATE INDEX "artisans_updated_at_idx" ON "artisans" USING btree ("updated_at");
  CREATE INDEX "artisans_created_at_idx" ON "artisans" USING btree ("created_at");
  CREATE INDEX "artisans__status_idx" ON "artisans" USING btree ("_status");
  CREATE UNIQUE INDEX "artisans_locales_locale_parent_id_unique" ON "artisans_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_artisans_v_version_disciplines_order_idx" ON "_artisans_v_version_disciplines" USING btree ("order");
  CREATE INDEX "_artisans_v_version_disciplines_parent_idx" ON "_artisans_v_version_disciplines" USING btree ("parent_id");
  CREATE INDEX "_artisans_v_version_social_links_order_idx" ON "_artisans_v_version_social_links" USING btree ("_order");
  CREATE INDEX "_artisans_v_version_social_links_parent_id_idx" ON "_artisans_v_version_social_links" USING btree ("_parent_id");
  CREATE INDEX "_artisans_v_parent_idx" ON "_artisans_v" USING btree ("parent_id");
  CREATE INDEX "_artisans_v_version_version_slug_idx" ON "_artisans_v" USING btree ("version_slug");
  CREATE INDEX "_artisans_v_version_version_portrait_idx" ON "_artisans_v" USING btree ("version_portrait_id");
  CREATE INDEX "_artisans_v_version_version_updated_at_idx" ON "_artisans_v" USING btree ("version_updated_at");
  CREATE INDEX "_artisans_v_version_version_created_at_idx" ON "_artisans_v" USING btree ("version_created_at");
  CREATE INDEX "_artisans_v_version_version__status_idx" ON "_artisans_v" USING btree ("version__status");
  CREATE INDEX "_artisans_v_created_at_idx" ON "_artisans_v" USING btree ("created_at");
  CREATE INDEX "_artisans_v_updated_at_idx" ON "_artisans_v" USING btree ("updated_at");
  CREATE INDEX "_artisans_v_snapshot_idx" ON "_artisans_v" USING btree ("snapshot");
  CREATE INDEX "_artisans_v_published_locale_idx" ON "_artisans_v" USING btree ("published_locale");
  CREATE INDEX "_artisans_v_latest_idx" ON "_artisans_v" USING btree ("latest");
  CREATE INDEX "_artisans_v_autosave_idx" ON "_artisans_v" USING btree ("autosave");
  CREATE UNIQUE INDEX "_artisans_v_locales_locale_parent_id_unique" ON "_artisans_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "media_created_by_idx" ON "media" USING btree ("created_by_id");
  CREATE INDEX "media_is_public_idx" ON "media" USING btree ("is_public");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_avif480_sizes_avif480_filename_idx" ON "media" USING btree ("sizes_avif480_filename");
  CREATE INDEX "media_sizes_avif960_sizes_avif960_filename_idx" ON "media" USING btree ("sizes_avif960_filename");
  CREATE INDEX "media_sizes_avif1600_sizes_avif1600_filename_idx" ON "media" USING btree ("sizes_avif1600_filename");
  CREATE INDEX "media_sizes_webp480_sizes_webp480_filename_idx" ON "media" USING btree ("sizes_webp480_filename");
  CREATE INDEX "media_sizes_webp960_sizes_webp960_filename_idx" ON "media" USING btree ("sizes_webp960_filename");
  CREATE INDEX "media_sizes_webp1600_sizes_webp1600_filename_idx" ON "media" USING btree ("sizes_webp1600_filename");
  CREATE INDEX "media_sizes_square_sizes_square_filename_idx" ON "media" USING btree ("sizes_square_filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "media_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "editions_year_idx" ON "editions" USING btree ("year");
  CREATE INDEX "editions_hero_image_idx" ON "editions" USING btree ("hero_image_id");
  CREATE INDEX "editions_updated_at_idx" ON "editions" USING btree ("updated_at");
  CREATE INDEX "editions_created_at_idx" ON "editions" USING btree ("created_at");
  CREATE INDEX "editions__status_idx" ON "editions" USING btree ("_status");
  CREATE UNIQUE INDEX "editions_locales_locale_parent_id_unique" ON "editions_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "editions_rels_order_idx" ON "editions_rels" USING btree ("order");
  CREATE INDEX "editions_rels_parent_idx" ON "editions_rels" USING btree ("parent_id");
  CREATE INDEX "editions_rels_path_idx" ON "editions_rels" USING btree ("path");
  CREATE INDEX "editions_rels_venues_id_idx" ON "editions_rels" USING btree ("venues_id");
  CREATE INDEX "editions_rels_users_id_idx" ON "editions_rels" USING btree ("users_id");
  CREATE INDEX "_editions_v_parent_idx" ON "_editions_v" USING btree ("parent_id");
  CREATE INDEX "_editions_v_version_version_year_idx" ON "_editions_v" USING btree ("version_year");
  CREATE INDEX "_editions_v_version_version_hero_image_idx" ON "_editions_v" USING btree ("version_hero_image_id");
  CREATE INDEX "_editions_v_version_version_updated_at_idx" ON "_editions_v" USING btree ("version_updated_at");
  CREATE INDEX "_editions_v_version_version_created_at_idx" ON "_editions_v" USING btree ("version_created_at");
  CREATE INDEX "_editions_v_version_version__status_idx" ON "_editions_v" USING btree ("version__status");
  CREATE INDEX "_editions_v_created_at_idx" ON "_editions_v" USING btree ("created_at");
  CREATE INDEX "_editions_v_updated_at_idx" ON "_editions_v" USING btree ("updated_at");
  CREATE INDEX "_editions_v_snapshot_idx" ON "_editions_v" USING btree ("snapshot");
  CREATE INDEX "_editions_v_published_locale_idx" ON "_editions_v" USING btree ("published_locale");
  CREATE INDEX "_editions_v_latest_idx" ON "_editions_v" USING btree ("latest");
  CREATE INDEX "_editions_v_autosave_idx" ON "_editions_v" USING btree ("autosave");
  CREATE UNIQUE INDEX "_editions_v_locales_locale_parent_id_unique" ON "_editions_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_editions_v_rels_order_idx" ON "_editions_v_rels" USING btree ("order");
  CREATE INDEX "_editions_v_rels_parent_idx" ON "_editions_v_rels" USING btree ("parent_id");
  CREATE INDEX "_editions_v_rels_path_idx" ON "_editions_v_rels" USING btree ("path");
  CREATE INDEX "_editions_v_rels_venues_id_idx" ON "_editions_v_rels" USING btree ("venues_id");
  CREATE INDEX "_editions_v_rels_users_id_idx" ON "_editions_v_rels" USING btree ("users_id");
  CREATE UNIQUE INDEX "showcases_slug_idx" ON "showcases" USING btree ("slug");
  CREATE INDEX "showcases_edition_idx" ON "showcases" USING btree ("edition_id");
  CREATE INDEX "showcases_updated_at_idx" ON "showcases" USING btree ("updated_at");
  CREATE INDEX "showcases_created_at_idx" ON "showcases" USING btree ("created_at");
  CREATE INDEX "showcases__status_idx" ON "showcases" USING btree ("_status");
  CREATE UNIQUE INDEX "showcases_locales_locale_parent_id_unique" ON "showcases_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "showcases_rels_order_idx" ON "showcases_rels" USING btree ("order");
  CREATE INDEX "showcases_rels_parent_idx" ON "showcases_rels" USING btree ("parent_id");
  CREATE INDEX "showcases_rels_path_idx" ON "showcases_rels" USING btree ("path");
  CREATE INDEX "showcases_rels_users_id_idx" ON "showcases_rels" USING btree ("users_id");
  CREATE INDEX "showcases_rels_works_id_idx" ON "showcases_rels" USING btree ("works_id");
  CREATE INDEX "_showcases_v_parent_idx" ON "_showcases_v" USING btree ("parent_id");
  CREATE INDEX "_showcases_v_version_version_slug_idx" ON "_showcases_v" USING btree ("version_slug");
  CREATE INDEX "_showcases_v_version_version_edition_idx" ON "_showcases_v" USING btree ("version_edition_id");
  CREATE INDEX "_showcases_v_version_version_updated_at_idx" ON "_showcases_v" USING btree ("version_updated_at");
  CREATE INDEX "_showcases_v_version_version_created_at_idx" ON "_showcases_v" USING btree ("version_created_at");
  CREATE INDEX "_showcases_v_version_version__status_idx" ON "_showcases_v" USING btree ("version__status");
  CREATE INDEX "_showcases_v_created_at_idx" ON "_showcases_v" USING btree ("created_at");
  CREATE INDEX "_showcases_v_updated_at_idx" ON "_showcases_v" USING btree ("updated_at");
  CREATE INDEX "_showcases_v_snapshot_idx" ON "_showcases_v" USING btree ("snapshot");
  CREATE INDEX "_showcases_v_published_locale_idx" ON "_showcases_v" USING btree ("published_locale");
  CREATE INDEX "_showcases_v_latest_idx" ON "_showcases_v" USING btree ("latest");
  CREATE INDEX "_showcases_v_autosave_idx" ON "_showcases_v" USING btree ("autosave");
  CREATE UNIQUE INDEX "_showcases_v_locales_locale_parent_id_unique" ON "_showcases_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_showcases_v_rels_order_idx" ON "_showcases_v_rels" USING btree ("order");
  CREATE INDEX "_showcases_v_rels_parent_idx" ON "_showcases_v_rels" USING btree ("parent_id");
  CREATE INDEX "_showcases_v_rels_path_idx" ON "_showcases_v_rels" USING btree ("path");
  CREATE INDEX "_showcases_v_rels_users_id_idx" ON "_showcases_v_rels" USING btree ("users_id");
  CREATE INDEX "_showcases_v_rels_works_id_idx" ON "_showcases_v_rels" USING btree ("works_id");
  CREATE INDEX "venues_opening_hours_order_idx" ON "venues_opening_hours" USING btree ("_order");
  CREATE INDEX "venues_opening_hours_parent_id_idx" ON "venues_opening_hours" USING btree ("_parent_id");
  CREATE INDEX "venues_opening_hours_edition_idx" ON "venues_opening_hours" USING btree ("edition_id");
  CREATE UNIQUE INDEX "venues_opening_hours_locales_locale_parent_id_unique" ON "venues_opening_hours_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "venues_slug_idx" ON "venues" USING btree ("slug");
  CREATE INDEX "venues_updated_at_idx" ON "venues" USING btree ("updated_at");
  CREATE INDEX "venues_created_at_idx" ON "venues" USING btree ("created_at");
  CREATE UNIQUE INDEX "venues_locales_locale_parent_id_unique" ON "venues_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "materials_slug_idx" ON "materials" USING btree ("slug");
  CREATE INDEX "materials_updated_at_idx" ON "materials" USING btree ("updated_at");
  CREATE INDEX "materials_created_at_idx" ON "materials" USING btree ("created_at");
  CREATE UNIQUE INDEX "materials_locales_locale_parent_id_unique" ON "materials_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "techniques_slug_idx" ON "techniques" USING btree ("slug");
  CREATE INDEX "techniques_updated_at_idx" ON "techniques" USING btree ("updated_at");
  CREATE INDEX "techniques_created_at_idx" ON "techniques" USING btree ("created_at");
  CREATE UNIQUE INDEX "techniques_locales_locale_parent_id_unique" ON "techniques_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "piece_types_slug_idx" ON "piece_types" USING btree ("slug");
  CREATE INDEX "piece_types_updated_at_idx" ON "piece_types" USING btree ("updated_at");
  CREATE INDEX "piece_types_created_at_idx" ON "piece_types" USING btree ("created_at");
  CREATE UNIQUE INDEX "piece_types_locales_locale_parent_id_unique" ON "piece_types_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_works_id_idx" ON "payload_locked_documents_rels" USING btree ("works_id");
  CREATE INDEX "payload_locked_documents_rels_artisans_id_idx" ON "payload_locked_documents_rels" USING btree ("artisans_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_editions_id_idx" ON "payload_locked_documents_rels" USING btree ("editions_id");
  CREATE INDEX "payload_locked_documents_rels_showcases_id_idx" ON "payload_locked_documents_rels" USING btree ("showcases_id");
  CREATE INDEX "payload_locked_documents_rels_venues_id_idx" ON "payload_locked_documents_rels" USING btree ("venues_id");
  CREATE INDEX "payload_locked_documents_rels_materials_id_idx" ON "payload_locked_documents_rels" USING btree ("materials_id");
  CREATE INDEX "payload_locked_documents_rels_techniques_id_idx" ON "payload_locked_documents_rels" USING btree ("techniques_id");
  CREATE INDEX "payload_locked_documents_rels_piece_types_id_idx" ON "payload_locked_documents_rels" USING btree ("piece_types_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");
  CREATE INDEX "site_settings_current_edition_idx" ON "site_settings" USING btree ("current_edition_id");
  CREATE UNIQUE INDEX "site_settings_locales_locale_parent_id_unique" ON "site_settings_locales" USING btree ("_locale","_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "works_exhibition_history" CASCADE;
  DROP TABLE "works_exhibition_history_locales" CASCADE;
  DROP TABLE "works" CASCADE;
  DROP TABLE "works_locales" CASCADE;
  DROP TABLE "works_rels" CASCADE;
  DROP TABLE "_works_v_version_exhibition_history" CASCADE;
  DROP TABLE "_works_v_version_exhibition_history_locales" CASCADE;
  DROP TABLE "_works_v" CASCADE;
  DROP TABLE "_works_v_locales" CASCADE;
  DROP TABLE "_works_v_rels" CASCADE;
  DROP TABLE "artisans_disciplines" CASCADE;
  DROP TABLE "artisans_social_links" CASCADE;
  DROP TABLE "artisans" CASCADE;
  DROP TABLE "artisans_locales" CASCADE;
  DROP TABLE "_artisans_v_version_disciplines" CASCADE;
  DROP TABLE "_artisans_v_version_social_links" CASCADE;
  DROP TABLE "_artisans_v" CASCADE;
  DROP TABLE "_artisans_v_locales" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_locales" CASCADE;
  DROP TABLE "editions" CASCADE;
  DROP TABLE "editions_locales" CASCADE;
  DROP TABLE "editions_rels" CASCADE;
  DROP TABLE "_editions_v" CASCADE;
  DROP TABLE "_editions_v_locales" CASCADE;
  DROP TABLE "_editions_v_rels" CASCADE;
  DROP TABLE "showcases" CASCADE;
  DROP TABLE "showcases_locales" CASCADE;
  DROP TABLE "showcases_rels" CASCADE;
  DROP TABLE "_showcases_v" CASCADE;
  DROP TABLE "_showcases_v_locales" CASCADE;
  DROP TABLE "_showcases_v_rels" CASCADE;
  DROP TABLE "venues_opening_hours" CASCADE;
  DROP TABLE "venues_opening_hours_locales" CASCADE;
  DROP TABLE "venues" CASCADE;
  DROP TABLE "venues_locales" CASCADE;
  DROP TABLE "materials" CASCADE;
  DROP TABLE "materials_locales" CASCADE;
  DROP TABLE "techniques" CASCADE;
  DROP TABLE "techniques_locales" CASCADE;
  DROP TABLE "piece_types" CASCADE;
  DROP TABLE "piece_types_locales" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "site_settings" CASCADE;
  DROP TABLE "site_settings_locales" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_works_edition_type";
  DROP TYPE "public"."enum_works_licence";
  DROP TYPE "public"."enum_works_status";
  DROP TYPE "public"."enum__works_v_version_edition_type";
  DROP TYPE "public"."enum__works_v_version_licence";
  DROP TYPE "public"."enum__works_v_version_status";
  DROP TYPE "public"."enum__works_v_published_locale";
  DROP TYPE "public"."enum_artisans_disciplines";
  DROP TYPE "public"."enum_artisans_social_links_platform";
  DROP TYPE "public"."enum_artisans_country";
  DROP TYPE "public"."enum_artisans_status";
  DROP TYPE "public"."enum__artisans_v_version_disciplines";
  DROP TYPE "public"."enum__artisans_v_version_social_links_platform";
  DROP TYPE "public"."enum__artisans_v_version_country";
  DROP TYPE "public"."enum__artisans_v_version_status";
  DROP TYPE "public"."enum__artisans_v_published_locale";
  DROP TYPE "public"."enum_media_licence";
  DROP TYPE "public"."enum_editions_stage";
  DROP TYPE "public"."enum_editions_status";
  DROP TYPE "public"."enum__editions_v_version_stage";
  DROP TYPE "public"."enum__editions_v_version_status";
  DROP TYPE "public"."enum__editions_v_published_locale";
  DROP TYPE "public"."enum_showcases_status";
  DROP TYPE "public"."enum__showcases_v_version_status";
  DROP TYPE "public"."enum__showcases_v_published_locale";
  DROP TYPE "public"."enum_materials_kind";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
