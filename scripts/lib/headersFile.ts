import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads the `_headers` file a site build writes (Netlify's and Cloudflare Pages' format: a
 * path pattern, then its headers indented; see site/src/lib/securityHeaders.ts), so that the
 * site server of `pnpm start` sends what a static host would.
 */
export type HeaderRule = { pattern: string; headers: Record<string, string> };

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (rule && colon > 0)
      rule.headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers for `pathname`: every matching rule's, a later rule's winning. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const matches = rule.pattern.endsWith('*')
      ? pathname.startsWith(rule.pattern.slice(0, -1))
      : pathname === rule.pattern;
    if (matches) Object.assign(headers, rule.headers);
  }
  return headers;
}

/**
 * The rules of the `_headers` file in `root`, read again whenever it changes: publishing a
 * new build switches the folder under the server.
 */
export function headerRules(root: string): () => HeaderRule[] {
  let seen: { key: string; rules: HeaderRule[] } | undefined;
  return () => {
    const file = path.join(root, '_headers');
    let key: string;
    try {
      const stat = fs.statSync(fs.realpathSync(file));
      key = `${fs.realpathSync(file)}:${stat.mtimeMs}:${stat.size}`;
    } catch {
      return [];
    }
    if (seen?.key !== key) seen = { key, rules: parseHeadersFile(fs.readFileSync(file, 'utf8')) };
    return seen.rules;
  };
}
