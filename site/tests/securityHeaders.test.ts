import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  headersFile,
  inlineHashes,
  mergeHashes,
  securityHeaders,
} from '../src/lib/securityHeaders';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlineHashes', () => {
  it('hashes each inline script a browser runs and each style element, once', () => {
    const html = [
      '<script>one()</script>',
      '<script type="module">two()</script>',
      '<script type="text/javascript">three()</script>',
      '<script>one()</script>',
      '<script type="application/ld+json">{"@type":"Thing"}</script>',
      '<script type="application/json" id="data">{}</script>',
      '<script src="/_astro/a.js"></script>',
      '<script type="module" src="/_astro/b.js"></script>',
      '<style>.a{color:red}</style><style media="print">.b{}</style>',
    ].join('\n');
    expect(inlineHashes(html)).toEqual({
      scripts: [sha('one()'), sha('two()'), sha('three()')],
      styles: [sha('.a{color:red}'), sha('.b{}')],
    });
  });

  it('hashes a script exactly as written, whitespace included, as browsers do', () => {
    expect(inlineHashes('<script>\n  go();\n</script>').scripts).toEqual([sha('\n  go();\n')]);
  });
});

describe('the Content-Security-Policy', () => {
  const hashes = mergeHashes(
    { scripts: [sha('b'), sha('a')], styles: [sha('s')] },
    { scripts: [sha('a')], styles: [] },
  );

  it('allows the site’s own files and exactly the inline scripts and styles it hashed', () => {
    const csp = contentSecurityPolicy(hashes);
    const directives = Object.fromEntries(
      csp.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
    );
    expect(directives['script-src']).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      ...[sha('a'), sha('b')].sort(),
    ]);
    expect(directives['style-src']).toEqual(["'self'", sha('s')]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    // No inline code or eval beyond that; inline style attributes only (they run no code).
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['script-src']).not.toContain("'unsafe-eval'");
    expect(directives['style-src']).not.toContain("'unsafe-inline'");
    expect(directives['style-src-attr']).toEqual(["'unsafe-inline'"]);
  });

  it('is sent with the other security headers, and Strict-Transport-Security only over https', () => {
    const https = securityHeaders(hashes, 'https://oyu.example');
    expect(Object.keys(https).sort()).toEqual(
      [
        'Content-Security-Policy',
        'Cross-Origin-Opener-Policy',
        'Permissions-Policy',
        'Referrer-Policy',
        'Strict-Transport-Security',
        'X-Content-Type-Options',
        'X-Frame-Options',
      ].sort(),
    );
    expect(securityHeaders(hashes, 'http://localhost:4321')['Strict-Transport-Security']).toBeUndefined();
  });

  it('is written as a _headers file a static host reads', () => {
    const text = headersFile({ 'X-Frame-Options': 'DENY', 'Content-Security-Policy': "default-src 'self'" });
    expect(text).toBe(
      "/*\n  X-Frame-Options: DENY\n  Content-Security-Policy: default-src 'self'\n\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n",
    );
  });
});
