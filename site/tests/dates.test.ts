import { describe, expect, it } from 'vitest';
import { formatLifeYears, formatYear } from '../src/lib/format';
import { isoYear } from '../src/lib/jsonld';

/** A work's date and a maker's years as visitors and linked data read them. */
describe('formatYear', () => {
  it('gives the catalogue’s own words first', () => {
    expect(formatYear({ display: 'early 20th century', from: 1901, to: 1933 }, 'en')).toBe(
      'early 20th century',
    );
  });

  it('otherwise the years, approximate ones with “c.” in each language', () => {
    expect(formatYear({ from: 1890, to: 1890 }, 'en')).toBe('1890');
    expect(formatYear({ from: 1890, to: 1900, circa: true }, 'en')).toBe('c. 1890–1900');
    expect(formatYear({ from: 1890, circa: true }, 'ru')).toBe('ок. 1890');
    expect(formatYear({ from: 1890, circa: true }, 'kk')).toBe('шамамен 1890');
  });

  it('writes years before the common era as such', () => {
    expect(formatYear({ from: -400, to: -201 }, 'en')).toBe('400 BC–201 BC');
    expect(formatYear({ from: -400 }, 'ru')).toBe('400 до н. э.');
  });

  it('says nothing without a date', () => {
    expect(formatYear(null, 'en')).toBeUndefined();
    expect(formatYear({ from: null, display: null }, 'en')).toBeUndefined();
  });
});

describe('formatLifeYears', () => {
  it('shows a life span, a birth year, or a year of death', () => {
    expect(formatLifeYears(1846, 1920, 'en')).toBe('1846–1920');
    expect(formatLifeYears(1987, null, 'en')).toBe('born 1987');
    expect(formatLifeYears(null, 1920, 'ru')).toBe('† 1920');
    expect(formatLifeYears(null, null, 'kk')).toBeUndefined();
  });
});

describe('isoYear', () => {
  it('is four digits, and astronomical for BC (1 BC is year 0)', () => {
    expect(isoYear(1890)).toBe('1890');
    expect(isoYear(800)).toBe('0800');
    expect(isoYear(-400)).toBe('-0399');
    expect(isoYear(-1)).toBe('-0000');
    expect(isoYear(null)).toBeUndefined();
  });
});
