import { locales, type RichTextNode, RichTextSchema } from '@oyu/shared-types';
import { describe, expect, it } from 'vitest';
import { richTextHref, safeHref } from '../src/lib/links';

describe('safeHref', () => {
  it.each([
    'http://example.com',
    'https://example.com/path?q=1#frag',
    'HTTPS://EXAMPLE.COM/',
    'mailto:curator@oyu.example',
    'MailTo:curator@oyu.example?subject=Hello',
    '/works/silver-cuff',
    'works/silver-cuff',
    '../artisans/',
    './x',
    '#top',
    '?page=2',
    '//cdn.example.com/x.jpg',
    'javascript-guide.html',
    '/javascript:alert(1)',
    '?next=javascript:alert(1)',
  ])('keeps %j as it is', (url) => {
    expect(safeHref(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    '\njavascript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript:alert(1) ',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'j\na\tv\ra\tscript:alert(1)',
    'javascript://%0aalert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    ' data:text/html,x',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    '\tvb\nscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'blob:https://example.com/uuid',
    'tel:+77001234567',
  ])('refuses %j', (url) => {
    expect(safeHref(url)).toBeUndefined();
  });

  it('refuses what is not a URL at all', () => {
    expect(safeHref('http://[::1')).toBeUndefined();
    expect(safeHref('https://exa mple.com')).toBeUndefined();
  });

  it('returns undefined for a missing link', () => {
    expect(safeHref(undefined)).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
    expect(safeHref('')).toBeUndefined();
  });
});

/** A link node as the CMS's REST API sends it at depth 1 (the read models' `populate`). */
const internal = (relationTo: string, value: unknown): RichTextNode => {
  const parsed = RichTextSchema.parse({
    root: {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'link', fields: { linkType: 'internal', newTab: false, doc: { relationTo, value } } },
          ],
        },
      ],
    },
  });
  const link = parsed?.root.children[0]?.children?.[0];
  if (!link) throw new Error('no link node');
  return link;
};

describe('richTextHref', () => {
  const targets = [
    ['works', { id: 4, slug: 'wolf-ring' }, 'works/wolf-ring/'],
    [
      'artisans',
      { id: 7, name: 'Aigerim', slug: 'aigerim-seitkali', country: 'KZ' },
      'artisans/aigerim-seitkali/',
    ],
    ['editions', { id: 2, year: 2025, title: 'AJW 2025' }, 'editions/2025/'],
    ['showcases', { id: 3, slug: 'silver-steppe' }, 'collections/silver-steppe/'],
  ] as const;

  it.each(
    locales.flatMap((lang) =>
      targets.map(([relationTo, value, path]) => [lang, relationTo, value, path] as const),
    ),
  )('in %s, an internal link to %s leads to its page in that language', (lang, relationTo, value, path) => {
    expect(richTextHref(lang, internal(relationTo, value).fields)).toEqual({
      href: `/${lang}/${path}`,
      internal: true,
    });
  });

  it('shows the text without a link when the CMS sent only an id (the public cannot read it)', () => {
    expect(richTextHref('en', internal('works', 4).fields)).toBeUndefined();
  });

  it('never builds an address from a slug that is not one', () => {
    expect(richTextHref('en', internal('works', { id: 4, slug: '../../admin' }).fields)).toBeUndefined();
    expect(richTextHref('en', internal('users', { id: 1, slug: 'admin' }).fields)).toBeUndefined();
  });

  it('keeps safe addresses and drops the rest, as before', () => {
    expect(richTextHref('ru', { linkType: 'custom', url: 'https://example.com/' })).toEqual({
      href: 'https://example.com/',
      internal: false,
    });
    expect(richTextHref('ru', { linkType: 'custom', url: 'javascript:alert(1)' })).toBeUndefined();
    // An internal link is followed by its document, whatever address it may carry.
    expect(
      richTextHref('en', { ...internal('works', 4).fields, url: 'https://example.com/' }),
    ).toBeUndefined();
  });
});
