import { describe, expect, it } from 'vitest';
import { locales, ui } from '../src/i18n/ui';
import { formatCount, groupDigits, groupSeparator } from '../src/lib/count';

/** The site's own strings: counts are written as each language writes numbers. */
describe('the site’s strings', () => {
  it('group the thousands of a count as each language does', () => {
    expect(ui('en').browseAll(5000)).toBe('Browse all 5,000 works');
    expect(ui('en').everyArtisan(1000)).toBe('All 1,000 artisans');
    expect(ui('en').nWorks(20000)).toBe('20,000 works');
    expect(ui('en').nWorks(1)).toBe('1 work');
    // Russian and Kazakh group with a no-break space, so a count never breaks over two lines.
    expect(ui('ru').browseAll(5000)).toBe('Все работы (5\u00a0000)');
    expect(ui('ru').everyArtisan(1000)).toBe('Все мастера (1\u00a0000)');
    expect(ui('kk').nWorks(20000)).toBe('жұмыс: 20\u00a0000');
    expect(ui('kk').everyArtisan(12)).toBe('Барлық шеберлер (12)');
  });

  it('leave a year as it is written', () => {
    expect(ui('en').editionTitle(2026)).toBe('Almaty Jewelry Week 2026');
  });
});

describe('the browse island’s counts', () => {
  it('group digits as Intl does in every language, with the separator found at build time', () => {
    for (const locale of locales) {
      const separator = groupSeparator(locale);
      expect(separator).not.toBe('');
      const counts = [
        0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 12345, 99999, 100000, 999999, 1000000, 20000,
        71690,
      ];
      for (let n = 0; n < 2000; n += 7) counts.push(n);
      for (const n of counts)
        expect(groupDigits(n, separator), `${locale} ${n}`).toBe(formatCount(n, locale));
    }
    expect(groupSeparator('en')).toBe(',');
    expect(groupSeparator('ru')).toBe('\u00a0');
    expect(groupDigits(20000, ',')).toBe('20,000');
  });
});
