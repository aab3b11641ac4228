import { describe, expect, it } from 'vitest';
import { demoEditions, nameOf, published } from './demo';
import { sharedStack } from './stack';

/** The structured data each page carries for search engines. */
const { read } = sharedStack();

describe('structured data', () => {
  it('describes works, artisans, editions and collections in JSON-LD', () => {
    const jsonLd = (html: string) =>
      [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) =>
        JSON.parse(m[1] ?? ''),
      );
    const work = published.find((w) => w.artisans.length > 1) ?? published[0];
    const [artwork] = jsonLd(read(`ru/works/${work?.slug}/index.html`));
    expect(artwork['@type']).toBe('VisualArtwork');
    expect(artwork.name).toBe(work?.title.ru);
    expect(artwork.creator.map((c: { name: string }) => c.name)).toEqual(work?.artisans.map(nameOf));
    expect(artwork.image[0]).toMatch(/^https:\/\/oyu\.example\/media\/.+\.webp$/);
    const [event] = jsonLd(read('en/editions/2025/index.html'));
    expect([event['@type'], event.startDate, event.location.length]).toEqual([
      'ExhibitionEvent',
      '2025-09-11',
      2,
    ]);
    const showcase = demoEditions[0]?.showcases[0];
    const [collection] = jsonLd(read(`en/collections/${showcase?.key}/index.html`));
    expect(collection.superEvent).toMatchObject({
      '@type': 'ExhibitionEvent',
      name: 'Almaty Jewelry Week 2024',
    });
    const [person] = jsonLd(read('kk/artisans/aigerim-seitkali/index.html'));
    expect([person['@type'], person.nationality.name]).toEqual(['Person', 'Қазақстан']);
  });
});
