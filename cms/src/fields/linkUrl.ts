import type { TextFieldSingleValidation } from 'payload';
import { messageLocale, say } from '../contract/messages';

/**
 * What a rich-text link's own address may be: a web page (`https://…`, `http://…`) or an
 * e-mail address (`mailto:…`), written out in full. A page of this site is linked as an
 * internal link to its document instead, so the link follows the page when its address changes
 * and cannot point at a page that does not exist (the site's build fails on such a link).
 */
export type LinkUrlProblem =
  | { key: 'linkRelative' | 'linkCharacters' | 'linkIncomplete'; values: { url: string } }
  | { key: 'linkScheme'; values: { scheme: string } };

const schemePattern = /^([a-z][a-z\d+.-]*):/i;
/**
 * Whitespace, control, format and invisible characters, anywhere: browsers drop tabs and line
 * breaks from inside a scheme (`java\tscript:`) and spaces around it (` javascript:`), so what
 * looks like text could still run as a script. None of them belongs in an address.
 */
const invisible = /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const allowedSchemes = new Set(['http', 'https', 'mailto']);

/** The link as a message shows it: short, with its invisible characters made visible. */
function shown(url: string): string {
  const visible = url.replace(new RegExp(invisible.source, 'gu'), '·');
  return visible.length > 60 ? `${visible.slice(0, 59)}…` : visible;
}

/** Why `url` may not be stored as a link's address; undefined when it may. */
export function linkUrlProblem(url: string): LinkUrlProblem | undefined {
  if (invisible.test(url)) return { key: 'linkCharacters', values: { url: shown(url) } };
  // No scheme: a path (`/en/works/x/`), an anchor, `www.…`, or an entity-encoded scheme
  // (`javascript&colon;…`, `&#106;avascript:…`), which a browser would decode in an attribute.
  const scheme = schemePattern.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return { key: 'linkRelative', values: { url: shown(url) } };
  if (!allowedSchemes.has(scheme))
    return { key: 'linkScheme', values: { scheme: `${scheme.slice(0, 20)}:` } };
  const incomplete = { key: 'linkIncomplete', values: { url: shown(url) } } as const;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return incomplete;
  }
  if (scheme === 'mailto') return parsed.pathname ? undefined : incomplete;
  // `https:example.com` and `https:/x` parse, but are not the address they look like. A host
  // without a dot (`localhost`) is no public website, and Payload's own link field would store
  // it percent-encoded, as a path.
  return /^https?:\/\/[^/?#]/i.test(url) && parsed.hostname.includes('.') ? undefined : incomplete;
}

/**
 * The link form's address field (Payload's LinkFeature), in the admin's language. An internal
 * link has no address of its own.
 */
export const validateLinkUrl: TextFieldSingleValidation = (value, { req, siblingData }) => {
  if ((siblingData as { linkType?: unknown } | undefined)?.linkType === 'internal') return true;
  if (typeof value !== 'string' || value === '') return req.t('validation:required');
  const problem = linkUrlProblem(value);
  return problem ? say(problem.key, messageLocale(req.i18n?.language), problem.values) : true;
};
