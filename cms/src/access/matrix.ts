/**
 * Who may do what, as one table: the specification the access rules implement, checked cell
 * by cell by tests/int/accessMatrix.test.ts and printed in docs/access.md.
 *
 * Outcomes:
 *  - all        every document
 *  - published  published documents only (drafts and draft versions stay hidden)
 *  - shown      photos only while a published work, artisan or edition uses them
 *  - own        documents the user created
 *  - assigned   documents the user created, or works of editions the user curates
 *  - self       the user's own account
 *  - none       nothing
 */
export type Outcome = 'all' | 'published' | 'shown' | 'own' | 'assigned' | 'self' | 'none';
export type Operation = 'create' | 'read' | 'update' | 'delete';
export type Actor = 'admin' | 'organiser' | 'curator' | 'public';

export const actors: Actor[] = ['admin', 'organiser', 'curator', 'public'];
export const operations: Operation[] = ['create', 'read', 'update', 'delete'];

type Row = Record<Actor, Outcome>;
const row = (admin: Outcome, organiser: Outcome, curator: Outcome, publicOutcome: Outcome): Row => ({
  admin,
  organiser,
  curator,
  public: publicOutcome,
});

export const accessMatrix: Record<string, Partial<Record<Operation, Row>>> = {
  works: {
    create: row('all', 'all', 'all', 'none'),
    read: row('all', 'all', 'all', 'published'),
    update: row('all', 'all', 'assigned', 'none'),
    delete: row('all', 'all', 'assigned', 'none'),
  },
  artisans: {
    create: row('all', 'all', 'all', 'none'),
    read: row('all', 'all', 'all', 'published'),
    update: row('all', 'all', 'all', 'none'),
    delete: row('all', 'all', 'none', 'none'),
  },
  media: {
    create: row('all', 'all', 'all', 'none'),
    read: row('all', 'all', 'all', 'shown'),
    update: row('all', 'all', 'own', 'none'),
    delete: row('all', 'all', 'own', 'none'),
  },
  editions: {
    create: row('all', 'all', 'none', 'none'),
    read: row('all', 'all', 'all', 'published'),
    update: row('all', 'all', 'none', 'none'),
    delete: row('all', 'all', 'none', 'none'),
  },
  showcases: {
    create: row('all', 'all', 'none', 'none'),
    read: row('all', 'all', 'all', 'published'),
    update: row('all', 'all', 'none', 'none'),
    delete: row('all', 'all', 'none', 'none'),
  },
  venues: {
    create: row('all', 'all', 'none', 'none'),
    read: row('all', 'all', 'all', 'all'),
    update: row('all', 'all', 'none', 'none'),
    delete: row('all', 'all', 'none', 'none'),
  },
  materials: {
    create: row('all', 'all', 'all', 'none'),
    read: row('all', 'all', 'all', 'all'),
    update: row('all', 'all', 'none', 'none'),
    delete: row('all', 'all', 'none', 'none'),
  },
  techniques: {
    create: row('all', 'all', 'all', 'none'),
    read: row('all', 'all', 'all', 'all'),
    update: row('all', 'all', 'none', 'none'),
    delete: row('all', 'all', 'none', 'none'),
  },
  'piece-types': {
    create: row('all', 'all', 'all', 'none'),
    read: row('all', 'all', 'all', 'all'),
    update: row('all', 'all', 'none', 'none'),
    delete: row('all', 'all', 'none', 'none'),
  },
  users: {
    create: row('all', 'none', 'none', 'none'),
    read: row('all', 'all', 'self', 'none'),
    update: row('all', 'self', 'self', 'none'),
    delete: row('all', 'none', 'none', 'none'),
  },
  // Build history: written by the server only (the rebuild endpoint, the CLI, the build job).
  'site-builds': {
    create: row('none', 'none', 'none', 'none'),
    read: row('all', 'all', 'none', 'none'),
    update: row('none', 'none', 'none', 'none'),
    delete: row('none', 'none', 'none', 'none'),
  },
  'global:site-settings': {
    read: row('all', 'all', 'all', 'all'),
    update: row('all', 'all', 'none', 'none'),
  },
};

/** Payload's own bookkeeping collections, not part of the content model. */
export const internalCollections = new Set([
  'payload-kv',
  'payload-locked-documents',
  'payload-preferences',
  'payload-migrations',
  'payload-jobs',
]);

/** The table as Markdown, for docs/access.md. */
export function accessMatrixMarkdown(): string {
  const lines = [
    '| collection | operation | admin | organiser | curator | public |',
    '|---|---|---|---|---|---|',
  ];
  for (const [collection, ops] of Object.entries(accessMatrix)) {
    for (const op of operations) {
      const cells = ops[op];
      if (cells) lines.push(`| ${collection} | ${op} | ${actors.map((actor) => cells[actor]).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}
