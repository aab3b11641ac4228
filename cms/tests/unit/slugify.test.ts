import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/fields/slugify';

describe('slugify', () => {
  it.each([
    ['Carnelian Ram’s-Horn Ring', 'carnelian-ram-s-horn-ring'],
    ['Élise Vandenberghe', 'elise-vandenberghe'],
    ['Әйгерім Қасымова', 'aigerim-qasymova'],
    ['Гүлнара Тоқтоғұлова', 'gulnara-toqtoghulova'],
    ['Жұлдыз Нұрланқызы', 'zhuldyz-nurlanqyzy'],
    ['Щука и ёж', 'shchuka-i-yozh'],
    ['  --Filigree   Study No. 1--  ', 'filigree-study-no-1'],
    ['!!!', ''],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('keeps slugs to 96 characters without a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(95)} b`);
    expect(slug.length).toBeLessThanOrEqual(96);
    expect(slug.endsWith('-')).toBe(false);
  });
});
