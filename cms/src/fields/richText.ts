import { LinkFeature, lexicalEditor } from '@payloadcms/richtext-lexical';
import type { CollectionSlug } from 'payload';
import { validateLinkUrl } from './linkUrl';

/**
 * The documents a rich-text internal link may lead to: those the site has a page for. An
 * internal link names its document, so the site writes the page's address in the reader's
 * language, and the publishing contract keeps the page there while the link is published
 * (contract/richTextLinks.ts).
 */
export const linkableCollections = [
  'works',
  'artisans',
  'editions',
  'showcases',
] as const satisfies readonly CollectionSlug[];

/**
 * The editor of every rich-text field: Payload's default features, with links limited to
 * https/http/mailto addresses and internal links to the site's pages. The form refuses other
 * addresses as the curator types them; the contract refuses them on every save, drafts too,
 * since Payload does not validate drafts.
 * https://payloadcms.com/docs/rich-text/official-features#link
 */
export const richTextEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => feature.key !== 'link'),
    LinkFeature({
      enabledCollections: [...linkableCollections],
      fields: ({ defaultFields }) =>
        defaultFields.map((field) =>
          field.type === 'text' && field.name === 'url' && !field.hasMany
            ? {
                ...field,
                validate: validateLinkUrl,
                admin: {
                  ...field.admin,
                  description: {
                    en: 'https://…, http://… or mailto:…. For a page of this site choose Internal Link.',
                    ru: 'https://…, http://… или mailto:…. Для страницы этого сайта выберите «Внутренняя ссылка».',
                  },
                },
              }
            : field,
        ),
    }),
  ],
});
