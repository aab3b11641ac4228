import * as migration_20261127_185657_initial from './20261127_185657_initial';

export const migrations = [
  {
    up: migration_20261127_185657_initial.up,
    down: migration_20261127_185657_initial.down,
    name: '20261127_185657_initial'
  },
];
