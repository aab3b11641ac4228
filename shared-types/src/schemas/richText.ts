import { z } from 'zod';

/**
 * A node of Payload's Lexical rich text, as the REST API returns it. The site renders these
 * nodes itself with its own components (never as raw HTML), so only the fields it reads are
 * named here; unknown node types are kept and rendered as their text content.
 */
export interface RichTextNode {
  type: string;
  /** Text of a `text` node. */
  text?: string | undefined;
  /** Bit flags of a `text` node: 1 bold, 2 italic, 4 strikethrough, 8 underline, 16 code. */
  format?: number | string | undefined;
  /** `h1`…`h6` on headings, `ul`/`ol` on lists. */
  tag?: string | undefined;
  listType?: string | undefined;
  /** Link target on `link` and `autolink` nodes: an address, or (internal) a document. */
  fields?:
    | {
        url?: string | undefined;
        newTab?: boolean | undefined;
        linkType?: string | undefined;
        doc?: InternalLinkDoc | undefined;
      }
    | undefined;
  children?: RichTextNode[] | undefined;
}

/**
 * The document an internal link leads to: populated with what its page's address needs (the
 * read models' `populate`), or only its id when the public cannot read it.
 */
export const InternalLinkDocSchema = z.object({
  relationTo: z.string().describe('works, artisans, editions or showcases'),
  value: z.union([
    z.number().int(),
    z.object({
      id: z.number().int(),
      slug: z.string().optional().describe('Works, artisans and collections'),
      year: z.number().int().optional().describe('Editions'),
    }),
  ]),
});
export type InternalLinkDoc = z.infer<typeof InternalLinkDocSchema>;

export const RichTextNodeSchema: z.ZodType<RichTextNode> = z.lazy(() =>
  z.object({
    type: z.string().describe('Lexical node type, e.g. paragraph, heading, text, link'),
    text: z.string().optional(),
    format: z.union([z.number(), z.string()]).optional(),
    tag: z.string().optional(),
    listType: z.string().optional(),
    fields: z
      .object({
        url: z.string().optional(),
        newTab: z.boolean().optional(),
        linkType: z.string().optional().describe('custom (an address) or internal (a document)'),
        doc: InternalLinkDocSchema.nullish().transform((value) => value ?? undefined),
      })
      .optional()
      .nullable()
      .transform((value) => value ?? undefined),
    children: z.array(RichTextNodeSchema).optional(),
  }),
);

/** A whole rich-text field value: Lexical's editor state, or null when left empty. */
export const RichTextSchema = z
  .object({
    root: z.object({
      type: z.literal('root'),
      children: z.array(RichTextNodeSchema),
    }),
  })
  .nullable()
  .describe('Lexical editor state');

export type RichText = z.infer<typeof RichTextSchema>;
