import * as migration_20261127_194320_initial from './20261127_194320_initial';

export const migrations = [
  {
    up: migration_20261127_194320_initial.up,
    down: migration_20261127_194320_initial.down,
    name: '20261127_194320_initial'
  },
];
