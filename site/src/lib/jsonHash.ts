import crypto from 'node:crypto';

/**
 * A hash of a value as JSON, for the data index (lib/incremental.ts) to compare builds by;
 * `replacer` leaves fields out, as JSON.stringify's does.
 */
export function jsonHash(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  return crypto.createHash('sha1').update(JSON.stringify(value, replacer)).digest('hex');
}
