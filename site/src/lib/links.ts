import { type InternalLinkDoc, type Locale, type RichTextNode, slugPattern } from '@oyu/shared-types';
import { documentPath, isDocumentKind } from './routes';

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

/**
 * The page an internal link leads to, in the page's language. Undefined when the CMS sent only
 * the document's id (the public cannot read it: a document written around the CMS's checks),
 * so the link's text is shown without a link to nothing.
 */
export function internalHref(lang: Locale, doc: InternalLinkDoc | undefined): string | undefined {
  const target = doc?.value;
  if (!doc || typeof target !== 'object') return undefined;
  if (!isDocumentKind(doc.relationTo)) return undefined;
  const slug = target.slug !== undefined && slugPattern.test(target.slug) ? target.slug : undefined;
  return documentPath(doc.relationTo, lang, { slug, year: target.year });
}

/**
 * Where a rich-text link leads: an internal link to its document's page, any other to its
 * address if that is safe. The CMS stores nothing else; `safeHref` stays for what was written
 * around it.
 */
export function richTextHref(
  lang: Locale,
  fields: RichTextNode['fields'],
): { href: string; internal: boolean } | undefined {
  if (fields?.linkType === 'internal') {
    const href = internalHref(lang, fields.doc);
    return href ? { href, internal: true } : undefined;
  }
  const href = safeHref(fields?.url);
  return href ? { href, internal: false } : undefined;
}
