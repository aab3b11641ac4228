import * as migration_20261127_194320_initial from './20261127_194320_initial';
import * as migration_20261127_212632_og_size_and_colours from './20261127_212632_og_size_and_colours';
import * as migration_20261127_220445_site_builds from './20261127_220445_site_builds';
import * as migration_20261127_222342_frozen_editions from './20261127_222342_frozen_editions';
import * as migration_20261128_021953_media_storage_fields from './20261128_021953_media_storage_fields';
import * as migration_20261201_212928_media_renditions from './20261201_212928_media_renditions';
import * as migration_20261202_002703_locale_parent_indexes from './20261202_002703_locale_parent_indexes';
import * as migration_20261206_152810_any_country_and_dates from './20261206_152810_any_country_and_dates';
import * as migration_20261206_154155_maker_roles_and_new_terms from './20261206_154155_maker_roles_and_new_terms';
import * as migration_20261206_182438_no_account_lockout from './20261206_182438_no_account_lockout';
import * as migration_20261207_010842_site_build_plan from './20261207_010842_site_build_plan';
import * as migration_20261207_043457_build_queue from './20261207_043457_build_queue';

export const migrations = [
  {
    up: migration_20261127_194320_initial.up,
    down: migration_20261127_194320_initial.down,
    name: '20261127_194320_initial',
  },
  {
    up: migration_20261127_212632_og_size_and_colours.up,
    down: migration_20261127_212632_og_size_and_colours.down,
    name: '20261127_212632_og_size_and_colours',
  },
  {
    up: migration_20261127_220445_site_builds.up,
    down: migration_20261127_220445_site_builds.down,
    name: '20261127_220445_site_builds',
  },
  {
    up: migration_20261127_222342_frozen_editions.up,
    down: migration_20261127_222342_frozen_editions.down,
    name: '20261127_222342_frozen_editions',
  },
  {
    up: migration_20261128_021953_media_storage_fields.up,
    down: migration_20261128_021953_media_storage_fields.down,
    name: '20261128_021953_media_storage_fields',
  },
  {
    up: migration_20261201_212928_media_renditions.up,
    down: migration_20261201_212928_media_renditions.down,
    name: '20261201_212928_media_renditions',
  },
  {
    up: migration_20261202_002703_locale_parent_indexes.up,
    down: migration_20261202_002703_locale_parent_indexes.down,
    name: '20261202_002703_locale_parent_indexes',
  },
  {
    up: migration_20261206_152810_any_country_and_dates.up,
    down: migration_20261206_152810_any_country_and_dates.down,
    name: '20261206_152810_any_country_and_dates',
  },
  {
    up: migration_20261206_154155_maker_roles_and_new_terms.up,
    down: migration_20261206_154155_maker_roles_and_new_terms.down,
    name: '20261206_154155_maker_roles_and_new_terms',
  },
  {
    up: migration_20261206_182438_no_account_lockout.up,
    down: migration_20261206_182438_no_account_lockout.down,
    name: '20261206_182438_no_account_lockout',
  },
  {
    up: migration_20261207_010842_site_build_plan.up,
    down: migration_20261207_010842_site_build_plan.down,
    name: '20261207_010842_site_build_plan',
  },
  {
    up: migration_20261207_043457_build_queue.up,
    down: migration_20261207_043457_build_queue.down,
    name: '20261207_043457_build_queue'
  },
];
