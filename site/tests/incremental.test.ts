import { describe, expect, it } from 'vitest';
import { dataIndex, type LinkIndex, planBuild } from '../src/lib/incremental';

type Doc = Record<string, unknown> & { id: number };
const term = (id: number, slug: string) => ({ id, slug, label: slug });
const work = (id: number, slug: string, extra: Partial<Doc> = {}): Doc => ({
  id,
  slug,
  title: slug,
  artisans: [{ id: 1, name: 'Aigerim', slug: 'aigerim', country: 'KZ' }],
  materials: [term(1, 'silver')],
  gemstones: [],
  techniques: [],
  editions: [],
  colours: [],
  pieceType: null,
  ...extra,
});
const data = (works: Doc[], artisanName = 'Aigerim', settings = 'about') =>
  new Map<string, Doc[]>([
    ['oyu-works.en', works],
    ['oyu-artisans.en', [{ id: 1, slug: 'aigerim', name: artisanName }]],
    ['oyu-settings.en', [{ id: 0, about: settings }]],
  ]);
const links: LinkIndex = {
  'en/index.html': ['/en/works/ring/'],
  'en/browse/index.html': ['/en/works/ring/'],
  // The second page of the listing without JavaScript.
  'en/browse/page/2/index.html': ['/en/works/cuff/'],
  'en/works/ring/index.html': ['/en/artisans/aigerim/', '/en/works/cuff/'],
  'en/works/cuff/index.html': ['/en/artisans/aigerim/'],
  'en/artisans/aigerim/index.html': ['/en/works/ring/', '/en/works/cuff/'],
  'en/artisans/index.html': ['/en/artisans/aigerim/'],
  'en/browse/material/silver/index.html': ['/en/works/ring/', '/en/works/cuff/'],
  'en/browse/country/kz/index.html': ['/en/works/ring/', '/en/works/cuff/'],
  'en/about/index.html': [],
};
const works = [work(1, 'ring'), work(2, 'cuff')];
const base = { data: dataIndex(data(works), 'code-1'), links };
const plan = (next: Map<string, Doc[]>, code = 'code-1', from: typeof base | undefined = base) =>
  planBuild({ base: from, next: dataIndex(next, code), data: next });
const pages = (result: ReturnType<typeof planBuild>) =>
  result.mode === 'partial' ? [...result.pages].sort() : result.reason;

describe('incremental build plan', () => {
  it('builds everything without an earlier build, or when the code changed', () => {
    const next = data(works);
    expect(pages(planBuild({ base: undefined, next: dataIndex(next, 'code-1'), data: next }))).toBe(
      'there is no earlier build to start from',
    );
    expect(pages(plan(data(works), 'code-2'))).toBe('the site’s code changed');
  });

  it('renders nothing when nothing changed', () => {
    expect(pages(plan(data(works)))).toEqual([]);
  });

  it('writes the open data of the editions that show a changed document, only theirs', () => {
    const editions = [
      { id: 1, year: 2024, title: 'AJW 2024' },
      { id: 2, year: 2025, title: 'AJW 2025' },
    ];
    const inEditions = (title: string, artisanName = 'Aigerim') => {
      const next = data(
        [
          work(1, 'ring', { title, editions: [{ id: 1, year: 2024 }] }),
          work(2, 'cuff', { editions: [{ id: 2, year: 2025 }] }),
        ],
        artisanName,
      );
      next.set('oyu-editions.en', editions);
      return next;
    };
    // The live build's pages include each edition's filter listing.
    const withListings: LinkIndex = {
      ...links,
      'en/browse/edition/2024/index.html': ['/en/works/ring/'],
      'en/browse/edition/2025/index.html': ['/en/works/cuff/'],
    };
    const from = { data: dataIndex(inEditions('ring'), 'code-1'), links: withListings };
    const openData = (result: ReturnType<typeof planBuild>) =>
      result.mode === 'partial'
        ? [...result.pages].filter((page) => page.startsWith('data/')).sort()
        : result.reason;
    const files = (year: number) =>
      ['artisans.csv', 'edition.json', 'edition.jsonld', 'works.csv'].map((file) => `data/${year}/${file}`);
    expect(openData(plan(inEditions('Gold ring'), 'code-1', from))).toEqual(files(2024));
    // A maker is in every edition's artisans: all of them.
    expect(openData(plan(inEditions('ring', 'Aigerim B.'), 'code-1', from))).toEqual([
      ...files(2024),
      ...files(2025),
    ]);
    // A live build without the record writes every edition's.
    const unrecorded = { data: { ...from.data, openData: undefined }, links: withListings };
    expect(openData(plan(inEditions('Gold ring'), 'code-1', unrecorded))).toEqual([
      ...files(2024),
      ...files(2025),
    ]);
    expect(openData(plan(inEditions('ring'), 'code-1', from))).toEqual([]);
  });

  it('renders only the home and browse pages when a save changed nothing but a work’s update time', () => {
    const touched = (updatedAt: string) => [
      work(1, 'ring', {
        updatedAt,
        artisans: [{ id: 1, slug: 'aigerim', name: 'Aigerim', country: 'KZ', updatedAt }],
      }),
      work(2, 'cuff'),
    ];
    const from = { data: dataIndex(data(touched('2026-01-01T00:00:00.000Z')), 'code-1'), links };
    const result = plan(data(touched('2026-02-01T00:00:00.000Z')), 'code-1', from);
    // The home pages list the most recently updated works (lib/featured.ts).
    expect(pages(result)).toEqual(
      ['en', 'ru', 'kk']
        .flatMap((lang) => [`${lang}/index.html`, `${lang}/browse/index.html`, `${lang}/browse/works.json`])
        .sort(),
    );
    expect(result.mode === 'partial' && result.changed).toEqual([]);
    // Every other page shows the same thing: a save in one language changes no page in another.
    const retitled = data([
      work(1, 'ring', { title: 'Gold ring', updatedAt: '2026-02-01T00:00:00.000Z' }),
      work(2, 'cuff'),
    ]);
    const titled = plan(retitled, 'code-1', {
      data: dataIndex(data(touched('2026-01-01T00:00:00.000Z')), 'code-1'),
      links,
    });
    expect(titled.mode === 'partial' && titled.changed).toEqual(['oyu-works.en/1']);
  });

  it('renders a retitled work’s page, the pages linking it, home and browse', () => {
    const next = data([work(1, 'ring', { title: 'Gold ring' }), work(2, 'cuff')]);
    expect(pages(plan(next))).toEqual(
      [
        'en/artisans/aigerim/index.html',
        'en/browse/country/kz/index.html',
        'en/browse/index.html',
        'en/browse/works.json',
        'en/browse/material/silver/index.html',
        'en/index.html',
        'en/works/ring/index.html',
        'kk/browse/index.html',
        'kk/browse/works.json',
        'kk/index.html',
        'ru/browse/index.html',
        'ru/browse/works.json',
        'ru/index.html',
      ].sort(),
    );
  });

  it('renders the page of the listing that shows a retitled work, and works.json with the browse page', () => {
    const result = pages(plan(data([work(1, 'ring'), work(2, 'cuff', { title: 'Wide cuff' })])));
    expect(result).toEqual(
      expect.arrayContaining([
        'en/browse/index.html',
        'en/browse/works.json',
        'en/browse/page/2/index.html',
        'en/works/cuff/index.html',
      ]),
    );
  });

  it('renders the work pages whose related works change when what they rank by does', () => {
    // Five makers; the pin, in gold like the torc, takes silver too, like the ring and the cuff.
    const by = (id: number) => [{ id, name: `Maker ${id}`, slug: `maker-${id}`, country: 'KZ' }];
    const five = (pin: Doc['materials']) => [
      work(1, 'ring', { artisans: by(1) }),
      work(2, 'cuff', { artisans: by(2) }),
      work(3, 'pin', { artisans: by(3), materials: pin }),
      work(4, 'torc', { artisans: by(4), materials: [term(2, 'gold')] }),
      work(5, 'bangle', { artisans: by(5), materials: [term(3, 'copper')] }),
    ];
    // Each work page links its related works (the torc the pin; the bangle, alone in copper, none).
    const listed: LinkIndex = {
      ...links,
      'en/works/ring/index.html': ['/en/works/cuff/'],
      'en/works/cuff/index.html': ['/en/works/ring/'],
      'en/works/pin/index.html': ['/en/works/torc/'],
      'en/works/torc/index.html': ['/en/works/pin/'],
      'en/works/bangle/index.html': [],
      'en/browse/material/gold/index.html': ['/en/works/pin/', '/en/works/torc/'],
      'en/browse/material/copper/index.html': ['/en/works/bangle/'],
    };
    const from = { data: dataIndex(data(five([term(2, 'gold')])), 'code-1'), links: listed };
    const next = data(five([term(2, 'gold'), term(1, 'silver')]));
    const result = pages(plan(next, 'code-1', from));
    // The ring and the cuff now list the pin; the torc links the pin, which changed.
    expect(result).toEqual(
      expect.arrayContaining(['ring', 'cuff', 'pin', 'torc'].map((slug) => `en/works/${slug}/index.html`)),
    );
    expect(result).not.toContain('en/works/bangle/index.html');
    // Without the live build's lists: every work page.
    const unrecorded = { data: { ...from.data, relatedWorks: undefined }, links: listed };
    expect(pages(plan(next, 'code-1', unrecorded))).toContain('en/works/bangle/index.html');
  });

  it('renders the pages of an artisan’s works when their name changes, since cards show it', () => {
    const result = pages(plan(data(works, 'Aigerim S.')));
    expect(result).toEqual(
      expect.arrayContaining([
        'en/artisans/aigerim/index.html',
        'en/artisans/index.html',
        'en/works/ring/index.html',
        'en/works/cuff/index.html',
      ]),
    );
    expect(result).not.toContain('en/about/index.html');
  });

  it('builds everything when a setting changes, or an edition or a collection comes or goes', () => {
    expect(pages(plan(data(works, 'Aigerim', 'new about text')))).toBe('settings changed');
    const withEdition = (editions: Doc[]) => {
      const next = data(works);
      next.set('oyu-editions.en', editions);
      return next;
    };
    const from = { data: dataIndex(withEdition([{ id: 1, year: 2024 }]), 'code-1'), links };
    expect(pages(plan(withEdition([]), 'code-1', from))).toBe('editions were added or removed');
    expect(pages(plan(withEdition([{ id: 1, year: 2025 }]), 'code-1', from))).toBe(
      'a collection or an edition moved to another address',
    );
  });

  it('publishes a work: its page, the listings it joins, its maker’s page; deletes nothing', () => {
    const result = plan(data([...works, work(3, 'brooch')]));
    expect(pages(result)).toEqual(
      expect.arrayContaining([
        'en/works/brooch/index.html',
        'en/artisans/aigerim/index.html',
        'en/browse/material/silver/index.html',
        'en/browse/country/kz/index.html',
        'en/browse/index.html',
      ]),
    );
    expect(pages(result)).not.toContain('en/about/index.html');
    expect(result.mode === 'partial' && [[...result.removed], result.added, result.gone]).toEqual([
      [],
      ['oyu-works.en/3'],
      [],
    ]);
  });

  it('takes a work down: deletes its page, renders the pages that linked it', () => {
    const result = plan(data([work(1, 'ring')]));
    expect(result.mode === 'partial' && [...result.removed]).toEqual(['en/works/cuff/index.html']);
    expect(pages(result)).toEqual(
      expect.arrayContaining([
        'en/works/ring/index.html',
        'en/artisans/aigerim/index.html',
        'en/browse/page/2/index.html',
        'en/browse/material/silver/index.html',
      ]),
    );
    expect(pages(result)).not.toContain('en/works/cuff/index.html');
  });

  it('moves a work: its new page made, its old one deleted, the pages linking either rendered', () => {
    const result = plan(data([work(1, 'gold-ring'), work(2, 'cuff')]));
    expect(result.mode === 'partial' && [...result.removed]).toEqual(['en/works/ring/index.html']);
    expect(pages(result)).toEqual(
      expect.arrayContaining([
        'en/works/gold-ring/index.html',
        'en/browse/material/silver/index.html',
        'en/artisans/aigerim/index.html',
      ]),
    );
  });

  it('a page gone and another made at its address (unpublished, then another published as it) is made', () => {
    const result = plan(data([work(2, 'cuff'), work(3, 'ring')]));
    expect(result.mode === 'partial' && [...result.removed]).toEqual([]);
    expect(pages(result)).toContain('en/works/ring/index.html');
  });

  it('an artisan published or taken down: their page and the list of artisans', () => {
    const withArtisans = (artisans: Doc[]) => {
      const next = data(works);
      next.set('oyu-artisans.en', artisans);
      return next;
    };
    const aigerim = { id: 1, slug: 'aigerim', name: 'Aigerim' };
    const added = plan(withArtisans([aigerim, { id: 2, slug: 'dana', name: 'Dana' }]));
    expect(pages(added)).toEqual(
      expect.arrayContaining(['en/artisans/dana/index.html', 'en/artisans/index.html']),
    );
    const from = {
      data: dataIndex(withArtisans([aigerim, { id: 2, slug: 'dana', name: 'Dana' }]), 'code-1'),
      links,
    };
    const gone = plan(withArtisans([aigerim]), 'code-1', {
      ...from,
      links: { ...links, 'en/artisans/index.html': ['/en/artisans/aigerim/', '/en/artisans/dana/'] },
    });
    expect(gone.mode === 'partial' && [...gone.removed]).toEqual(['en/artisans/dana/index.html']);
    expect(pages(gone)).toContain('en/artisans/index.html');
  });

  it('a filter value come or gone: its listing made or deleted, every listing of its filter rendered', () => {
    const golden = plan(data([work(1, 'ring', { materials: [term(5, 'gold')] }), work(2, 'cuff')]));
    expect(pages(golden)).toEqual(
      expect.arrayContaining(['en/browse/material/gold/index.html', 'en/browse/material/silver/index.html']),
    );
    // The last silver work is no longer silver: its filter page must go.
    const plain = plan(data([work(1, 'ring', { materials: [] }), work(2, 'cuff', { materials: [] })]));
    expect(plain.mode === 'partial' && [...plain.removed]).toEqual(['en/browse/material/silver/index.html']);
  });
});

describe('incremental build plan: filter listings over several pages', () => {
  // 50 silver works (two pages of 48), the last one gold as well; a 51st is gold only.
  const gold = term(5, 'gold');
  const many = (change: (w: Doc) => Doc = (w) => w) =>
    Array.from({ length: 51 }, (_, i) =>
      change(
        work(i + 1, `w${i + 1}`, {
          materials: i === 50 ? [gold] : i === 49 ? [term(1, 'silver'), gold] : [term(1, 'silver')],
        }),
      ),
    );
  const linksOf = (list: Doc[]): LinkIndex => {
    const url = (w: Doc) => `/en/works/${w.slug}/`;
    const silver = list.filter((w) => (w.materials as { slug: string }[]).some((m) => m.slug === 'silver'));
    const golden = list.filter((w) => (w.materials as { slug: string }[]).some((m) => m.slug === 'gold'));
    return {
      ...Object.fromEntries(list.map((w) => [`en/works/${w.slug}/index.html`, []])),
      'en/artisans/aigerim/index.html': list.map(url),
      'en/browse/material/silver/index.html': silver.slice(0, 48).map(url),
      'en/browse/material/silver/page/2/index.html': silver.slice(48).map(url),
      'en/browse/material/gold/index.html': golden.map(url),
      'en/browse/country/kz/index.html': list.slice(0, 48).map(url),
      'en/browse/country/kz/page/2/index.html': list.slice(48).map(url),
    };
  };
  const from = { data: dataIndex(data(many()), 'code-1'), links: linksOf(many()) };

  it('renders only the listing page showing a retitled work', () => {
    const result = pages(plan(data(many((w) => (w.id === 2 ? { ...w, title: 'New' } : w))), 'code-1', from));
    expect(result).toContain('en/browse/material/silver/index.html');
    expect(result).not.toContain('en/browse/material/silver/page/2/index.html');
  });

  it('renders the pages of the listings a work joins or leaves, since the works after it move', () => {
    const result = pages(
      plan(
        data(many((w) => (w.id === 2 ? { ...w, materials: [term(1, 'silver'), gold] } : w))),
        'code-1',
        from,
      ),
    );
    // Gold gains a work, before those it listed; silver lists the same works (its first page
    // links the changed work).
    expect(result).toEqual(
      expect.arrayContaining(['en/browse/material/silver/index.html', 'en/browse/material/gold/index.html']),
    );
    expect(result).not.toContain('en/browse/material/silver/page/2/index.html');
    expect(result).not.toContain('en/browse/country/kz/page/2/index.html');
    // Leaving gold: the gold listing, though the work is no longer on it.
    const left = pages(
      plan(data(many((w) => (w.id === 50 ? { ...w, materials: [term(1, 'silver')] } : w))), 'code-1', from),
    );
    expect(left).toEqual(expect.arrayContaining(['en/browse/material/gold/index.html']));
  });

  it('renders every listing of a filter when one of its labels changes, since each shows them all', () => {
    // Gold is renamed: it shows on the silver listing's pages too, beside silver, though none
    // of their first page's works is gold; the country listing shows materials' labels nowhere.
    const relabelled = many((w) => ({
      ...w,
      materials: (w.materials as { id: number; slug: string; label: string }[]).map((m) =>
        m.slug === 'gold' ? { ...m, label: 'Yellow gold' } : m,
      ),
    }));
    const result = pages(plan(data(relabelled), 'code-1', from));
    expect(result).toEqual(
      expect.arrayContaining([
        'en/browse/material/silver/index.html',
        'en/browse/material/silver/page/2/index.html',
        'en/browse/material/gold/index.html',
      ]),
    );
    expect(result).not.toContain('en/browse/country/kz/index.html');
    // A live build from before the labels were recorded cannot tell: everything is built.
    const { options: _, ...older } = from.data;
    expect(pages(plan(data(relabelled), 'code-1', { ...from, data: older }))).toBe(
      'the live build does not record its filter labels',
    );
  });

  it('publishing a work renders the first and last pages of its listings, not those between', () => {
    const silver = (count: number) =>
      Array.from({ length: count }, (_, i) => work(i + 1, `w${i + 1}`, { materials: [term(1, 'silver')] }));
    const before = { data: dataIndex(data(silver(120)), 'code-1'), links: {} };
    const result = pages(plan(data(silver(121)), 'code-1', before));
    expect(result).toEqual(
      expect.arrayContaining([
        'en/browse/material/silver/index.html',
        'en/browse/material/silver/page/3/index.html',
        'en/browse/page/3/index.html',
      ]),
    );
    expect(result).not.toContain('en/browse/material/silver/page/2/index.html');
    expect(result).not.toContain('en/browse/page/2/index.html');
    // A page added: the one before it gains a link to it.
    const full = { data: dataIndex(data(silver(144)), 'code-1'), links: {} };
    expect(pages(plan(data(silver(145)), 'code-1', full))).toEqual(
      expect.arrayContaining([
        'en/browse/material/silver/page/3/index.html',
        'en/browse/material/silver/page/4/index.html',
      ]),
    );
  });

  it('deletes the page a listing loses, and renders the page before it', () => {
    // Two works leave silver for gold: the 48 left fit on one page, and page 2 must go.
    const fewer = plan(
      data(many((w) => (w.id === 2 || w.id === 3 ? { ...w, materials: [gold] } : w))),
      'code-1',
      from,
    );
    expect(fewer.mode === 'partial' && [...fewer.removed]).toEqual([
      'en/browse/material/silver/page/2/index.html',
    ]);
    expect(pages(fewer)).toContain('en/browse/material/silver/index.html');
    expect(pages(fewer)).not.toContain('en/browse/material/silver/page/2/index.html');
  });
});

describe('incremental build plan: edition and artisan pages, which list works by membership', () => {
  const dana = { id: 2, name: 'Dana', slug: 'dana', country: 'KZ' };
  const y2024 = { id: 24, year: 2024 };
  const y2025 = { id: 25, year: 2025 };
  // The ring and the cuff in 2024, the brooch in 2025. The 2024 page shows only its first work
  // (as a long edition's page shows only its first ones), so it does not link the ring.
  const three = (ring: Partial<Doc> = {}) => [
    work(1, 'ring', { editions: [y2024], ...ring }),
    work(2, 'cuff', { editions: [y2024] }),
    work(3, 'brooch', { editions: [y2025], artisans: [dana] }),
  ];
  const from = {
    data: dataIndex(data(three()), 'code-1'),
    links: {
      'en/works/ring/index.html': ['/en/artisans/aigerim/', '/en/editions/2024/'],
      'en/works/cuff/index.html': ['/en/artisans/aigerim/', '/en/editions/2024/'],
      'en/works/brooch/index.html': ['/en/artisans/dana/', '/en/editions/2025/'],
      'en/editions/2024/index.html': ['/en/works/cuff/', '/en/artisans/aigerim/'],
      'en/editions/2025/index.html': ['/en/works/brooch/', '/en/artisans/dana/'],
      'en/artisans/aigerim/index.html': ['/en/works/cuff/'],
      'en/artisans/dana/index.html': ['/en/works/brooch/'],
      'en/browse/material/silver/index.html': ['/en/works/ring/', '/en/works/cuff/', '/en/works/brooch/'],
      'en/browse/country/kz/index.html': ['/en/works/ring/', '/en/works/cuff/', '/en/works/brooch/'],
      'en/browse/edition/2024/index.html': ['/en/works/ring/', '/en/works/cuff/'],
      'en/browse/edition/2025/index.html': ['/en/works/brooch/'],
    } satisfies LinkIndex,
  };

  it('renders the pages of the edition a work leaves and of the one it joins, linked or not', () => {
    const result = pages(plan(data(three({ editions: [y2025] })), 'code-1', from));
    expect(result).toEqual(
      expect.arrayContaining(['en/editions/2024/index.html', 'en/editions/2025/index.html']),
    );
  });

  it('renders the pages of the makers a work loses and gains', () => {
    const result = pages(plan(data(three({ artisans: [dana] })), 'code-1', from));
    expect(result).toEqual(
      expect.arrayContaining(['en/artisans/aigerim/index.html', 'en/artisans/dana/index.html']),
    );
  });

  it('leaves them alone when only a work’s title changed', () => {
    const result = pages(plan(data(three({ title: 'Gold ring' })), 'code-1', from));
    expect(result).not.toContain('en/editions/2025/index.html');
    expect(result).not.toContain('en/artisans/dana/index.html');
  });
});
