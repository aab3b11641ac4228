import { describe, expect, it } from 'vitest';
import { parseDate } from '../src/dates';

/** Dates as museum catalogues write them (V&A, the Met, Hermitage, Kazakh state museums). */
describe('parseDate', () => {
  it.each([
    ['1890', { from: 1890, to: 1890, circa: false }],
    ['c. 1890', { from: 1890, to: 1890, circa: true }],
    ['ca. 1890', { from: 1890, to: 1890, circa: true }],
    ['circa 1890', { from: 1890, to: 1890, circa: true }],
    ['1890?', { from: 1890, to: 1890, circa: true }],
    ['ок. 1890', { from: 1890, to: 1890, circa: true }],
    ['около 1890 г.', { from: 1890, to: 1890, circa: true }],
    ['шамамен 1890', { from: 1890, to: 1890, circa: true }],
    ['1890–1900', { from: 1890, to: 1900, circa: false }],
    ['1890-95', { from: 1890, to: 1895, circa: false }],
    ['1976 (designed), 1978 (manufactured)', { from: 1976, to: 1978, circa: false }],
    ['designed 1976, made 1978', { from: 1976, to: 1978, circa: false }],
    ['1890s', { from: 1890, to: 1899, circa: false }],
    ['1890-е', { from: 1890, to: 1899, circa: false }],
    ['early 20th century', { from: 1901, to: 1933, circa: false }],
    ['mid-19th century', { from: 1834, to: 1867, circa: false }],
    ['late 19th century', { from: 1868, to: 1900, circa: false }],
    ['19th century', { from: 1801, to: 1900, circa: false }],
    ['first half of the 20th century', { from: 1901, to: 1950, circa: false }],
    ['XIX век', { from: 1801, to: 1900, circa: false }],
    ['конец XIX века', { from: 1868, to: 1900, circa: false }],
    ['начало XX в.', { from: 1901, to: 1933, circa: false }],
    ['XIX ғасыр', { from: 1801, to: 1900, circa: false }],
    ['19th c.', { from: 1801, to: 1900, circa: false }],
    ['c. 1850–1860', { from: 1850, to: 1860, circa: true }],
    ['12 May 1890', { from: 1890, to: 1890, circa: false }],
    ['400 BC', { from: -400, to: -400, circa: false }],
    ['4th–3rd century BC', { from: -400, to: -201, circa: false }],
    ['IV–III вв. до н. э.', { from: -400, to: -201, circa: false }],
  ])('%s', (text, years) => {
    expect(parseDate(text)).toEqual(years);
  });

  it('says nothing when it cannot tell', () => {
    for (const text of ['', 'undated', 'n.d.', 'Soviet period', 'без даты'])
      expect(parseDate(text)).toBeUndefined();
  });
});
