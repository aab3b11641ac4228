import * as migration_20261127_185710_initial from './20261127_185710_initial';

export const migrations = [
  {
    up: migration_20261127_185710_initial.up,
    down: migration_20261127_185710_initial.down,
    name: '20261127_185710_initial'
  },
];
