/** Link targets the site will render: web pages and e-mail only, never `javascript:` and the like. */
const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, 'https://relative.invalid');
    if (!allowedProtocols.has(parsed.protocol)) return undefined;
    return url;
  } catch {
    return undefined;
  }
}
