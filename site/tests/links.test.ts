import { describe, expect, it } from 'vitest';
import { safeHref } from '../src/lib/links';

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
