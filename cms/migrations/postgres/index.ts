import * as migration_20261127_194327_initial from './20261127_194327_initial';

export const migrations = [
  {
    up: migration_20261127_194327_initial.up,
    down: migration_20261127_194327_initial.down,
    name: '20261127_194327_initial'
  },
];
