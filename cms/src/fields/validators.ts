/** Field validators with messages that say what to fix. */

export function validateWebUrl(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value !== 'string') return 'Enter a web address.';
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return 'Use a web address starting with https:// (or http://).';
    }
    return true;
  } catch {
    return 'Enter a full web address, e.g. https://example.com/name.';
  }
}

export function validateEmail(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true;
  return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
    ? true
    : 'Enter an e-mail address.';
}

export function validateYear(min = 1800) {
  return (value: unknown): true | string => {
    if (value === null || value === undefined) return true;
    const max = new Date().getFullYear() + 5;
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? true
      : `Enter a year between ${min} and ${max}.`;
  };
}

export function validatePositive(unit: string) {
  return (value: unknown): true | string => {
    if (value === null || value === undefined) return true;
    return typeof value === 'number' && value > 0 && value < 1_000_000
      ? true
      : `Enter a positive number of ${unit}.`;
  };
}
