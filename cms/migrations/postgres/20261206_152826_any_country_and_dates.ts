import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "artisans" ALTER COLUMN "country" SET DATA TYPE text;
  DROP TYPE "public"."enum_artisans_country";
  CREATE TYPE "public"."enum_artisans_country" AS ENUM('KZ', 'KG', 'UZ', 'TJ', 'TM', 'AF', 'AX', 'AL', 'DZ', 'AS', 'AD', 'AO', 'AI', 'AQ', 'AG', 'AR', 'AM', 'AW', 'AU', 'AT', 'AZ', 'BS', 'BH', 'BD', 'BB', 'BY', 'BE', 'BZ', 'BJ', 'BM', 'BT', 'BO', 'BA', 'BW', 'BV', 'BR', 'IO', 'VG', 'BN', 'BG', 'BF', 'BI', 'KH', 'CM', 'CA', 'CV', 'BQ', 'KY', 'CF', 'TD', 'CL', 'CN', 'CX', 'CC', 'CO', 'KM', 'CG', 'CD', 'CK', 'CR', 'CI', 'HR', 'CU', 'CW', 'CY', 'CZ', 'DK', 'DJ', 'DM', 'DO', 'EC', 'EG', 'SV', 'GQ', 'ER', 'EE', 'SZ', 'ET', 'FK', 'FO', 'FJ', 'FI', 'FR', 'GF', 'PF', 'TF', 'GA', 'GM', 'GE', 'DE', 'GH', 'GI', 'GR', 'GL', 'GD', 'GP', 'GU', 'GT', 'GG', 'GN', 'GW', 'GY', 'HT', 'HM', 'HN', 'HK', 'HU', 'IS', 'IN', 'ID', 'IR', 'IQ', 'IE', 'IM', 'IL', 'IT', 'JM', 'JP', 'JE', 'JO', 'KE', 'KI', 'XK', 'KW', 'LA', 'LV', 'LB', 'LS', 'LR', 'LY', 'LI', 'LT', 'LU', 'MO', 'MG', 'MW', 'MY', 'MV', 'ML', 'MT', 'MH', 'MQ', 'MR', 'MU', 'YT', 'MX', 'FM', 'MD', 'MC', 'MN', 'ME', 'MS', 'MA', 'MZ', 'MM', 'NA', 'NR', 'NP', 'NL', 'NC', 'NZ', 'NI', 'NE', 'NG', 'NU', 'NF', 'KP', 'MK', 'MP', 'NO', 'OM', 'PK', 'PW', 'PS', 'PA', 'PG', 'PY', 'PE', 'PH', 'PN', 'PL', 'PT', 'PR', 'QA', 'RE', 'RO', 'RU', 'RW', 'WS', 'SM', 'ST', 'SA', 'SN', 'RS', 'SC', 'SL', 'SG', 'SX', 'SK', 'SI', 'SB', 'SO', 'ZA', 'GS', 'KR', 'SS', 'ES', 'LK', 'BL', 'SH', 'KN', 'LC', 'MF', 'PM', 'VC', 'SD', 'SR', 'SJ', 'SE', 'CH', 'SY', 'TW', 'TZ', 'TH', 'TL', 'TG', 'TK', 'TO', 'TT', 'TN', 'TR', 'TC', 'TV', 'UM', 'VI', 'UG', 'UA', 'AE', 'GB', 'US', 'UY', 'VU', 'VA', 'VE', 'VN', 'WF', 'EH', 'YE', 'ZM', 'ZW');
  ALTER TABLE "artisans" ALTER COLUMN "country" SET DATA TYPE "public"."enum_artisans_country" USING "country"::"public"."enum_artisans_country";
  ALTER TABLE "_artisans_v" ALTER COLUMN "version_country" SET DATA TYPE text;
  DROP TYPE "public"."enum__artisans_v_version_country";
  CREATE TYPE "public"."enum__artisans_v_version_country" AS ENUM('KZ', 'KG', 'UZ', 'TJ', 'TM', 'AF', 'AX', 'AL', 'DZ', 'AS', 'AD', 'AO', 'AI', 'AQ', 'AG', 'AR', 'AM', 'AW', 'AU', 'AT', 'AZ', 'BS', 'BH', 'BD', 'BB', 'BY', 'BE', 'BZ', 'BJ', 'BM', 'BT', 'BO', 'BA', 'BW', 'BV', 'BR', 'IO', 'VG', 'BN', 'BG', 'BF', 'BI', 'KH', 'CM', 'CA', 'CV', 'BQ', 'KY', 'CF', 'TD', 'CL', 'CN', 'CX', 'CC', 'CO', 'KM', 'CG', 'CD', 'CK', 'CR', 'CI', 'HR', 'CU', 'CW', 'CY', 'CZ', 'DK', 'DJ', 'DM', 'DO', 'EC', 'EG', 'SV', 'GQ', 'ER', 'EE', 'SZ', 'ET', 'FK', 'FO', 'FJ', 'FI', 'FR', 'GF', 'PF', 'TF', 'GA', 'GM', 'GE', 'DE', 'GH', 'GI', 'GR', 'GL', 'GD', 'GP', 'GU', 'GT', 'GG', 'GN', 'GW', 'GY', 'HT', 'HM', 'HN', 'HK', 'HU', 'IS', 'IN', 'ID', 'IR', 'IQ', 'IE', 'IM', 'IL', 'IT', 'JM', 'JP', 'JE', 'JO', 'KE', 'KI', 'XK', 'KW', 'LA', 'LV', 'LB', 'LS', 'LR', 'LY', 'LI', 'LT', 'LU', 'MO', 'MG', 'MW', 'MY', 'MV', 'ML', 'MT', 'MH', 'MQ', 'MR', 'MU', 'YT', 'MX', 'FM', 'MD', 'MC', 'MN', 'ME', 'MS', 'MA', 'MZ', 'MM', 'NA', 'NR', 'NP', 'NL', 'NC', 'NZ', 'NI', 'NE', 'NG', 'NU', 'NF', 'KP', 'MK', 'MP', 'NO', 'OM', 'PK', 'PW', 'PS', 'PA', 'PG', 'PY', 'PE', 'PH', 'PN', 'PL', 'PT', 'PR', 'QA', 'RE', 'RO', 'RU', 'RW', 'WS', 'SM', 'ST', 'SA', 'SN', 'RS', 'SC', 'SL', 'SG', 'SX', 'SK', 'SI', 'SB', 'SO', 'ZA', 'GS', 'KR', 'SS', 'ES', 'LK', 'BL', 'SH', 'KN', 'LC', 'MF', 'PM', 'VC', 'SD', 'SR', 'SJ', 'SE', 'CH', 'SY', 'TW', 'TZ', 'TH', 'TL', 'TG', 'TK', 'TO', 'TT', 'TN', 'TR', 'TC', 'TV', 'UM', 'VI', 'UG', 'UA', 'AE', 'GB', 'US', 'UY', 'VU', 'VA', 'VE', 'VN', 'WF', 'EH', 'YE', 'ZM', 'ZW');
  ALTER TABLE "_artisans_v" ALTER COLUMN "version_country" SET DATA TYPE "public"."enum__artisans_v_version_country" USING "version_country"::"public"."enum__artisans_v_version_country";
  ALTER TABLE "works" ADD COLUMN "year_circa" boolean;
  ALTER TABLE "works_locales" ADD COLUMN "year_display" varchar;
  ALTER TABLE "_works_v" ADD COLUMN "version_year_circa" boolean;
  ALTER TABLE "_works_v_locales" ADD COLUMN "version_year_display" varchar;
  ALTER TABLE "artisans" ADD COLUMN "death_year" numeric;
  ALTER TABLE "_artisans_v" ADD COLUMN "version_death_year" numeric;`)
}

// Going back to the old list of countries loses the countries it did not have.
export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "artisans" ALTER COLUMN "country" SET DATA TYPE text;
  UPDATE "artisans" SET "country" = NULL WHERE "country" NOT IN ('KZ', 'KG', 'UZ', 'TJ', 'TM', 'AF', 'AM', 'AZ', 'CN', 'GE', 'IR', 'MN', 'RU', 'TR', 'AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'UA');
  DROP TYPE "public"."enum_artisans_country";
  CREATE TYPE "public"."enum_artisans_country" AS ENUM('KZ', 'KG', 'UZ', 'TJ', 'TM', 'AF', 'AM', 'AZ', 'CN', 'GE', 'IR', 'MN', 'RU', 'TR', 'AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'UA');
  ALTER TABLE "artisans" ALTER COLUMN "country" SET DATA TYPE "public"."enum_artisans_country" USING "country"::"public"."enum_artisans_country";
  ALTER TABLE "_artisans_v" ALTER COLUMN "version_country" SET DATA TYPE text;
  UPDATE "_artisans_v" SET "version_country" = NULL WHERE "version_country" NOT IN ('KZ', 'KG', 'UZ', 'TJ', 'TM', 'AF', 'AM', 'AZ', 'CN', 'GE', 'IR', 'MN', 'RU', 'TR', 'AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'UA');
  DROP TYPE "public"."enum__artisans_v_version_country";
  CREATE TYPE "public"."enum__artisans_v_version_country" AS ENUM('KZ', 'KG', 'UZ', 'TJ', 'TM', 'AF', 'AM', 'AZ', 'CN', 'GE', 'IR', 'MN', 'RU', 'TR', 'AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'UA');
  ALTER TABLE "_artisans_v" ALTER COLUMN "version_country" SET DATA TYPE "public"."enum__artisans_v_version_country" USING "version_country"::"public"."enum__artisans_v_version_country";
  ALTER TABLE "works" DROP COLUMN "year_circa";
  ALTER TABLE "works_locales" DROP COLUMN "year_display";
  ALTER TABLE "_works_v" DROP COLUMN "version_year_circa";
  ALTER TABLE "_works_v_locales" DROP COLUMN "version_year_display";
  ALTER TABLE "artisans" DROP COLUMN "death_year";
  ALTER TABLE "_artisans_v" DROP COLUMN "version_death_year";`)
}
