import { describe, expect, it } from 'vitest';
import { sharedStack } from './stack';

/** What the site's incremental reads (site/src/lib/sync.ts) assume about the CMS's answers. */
const { cmsPort } = sharedStack();

describe('the documents the CMS sends', () => {
  it('reads the documents the CMS sends with every populated one recorded and no join field', async () => {
    // lib/sync.ts decides what to read again from the documents each document embeds, by field:
    // a populated document in a field it does not name would go stale after an edit.
    const { embeds } = await import('@oyu/site/sync');
    const { sources } = await import('@oyu/site/cms-client');
    for (const source of Object.values(sources)) {
      const params = new URLSearchParams({ depth: '1', limit: '100', ...source.query });
      const answer = (await (
        await fetch(`http://127.0.0.1:${cmsPort}/api/${source.collection}?${params}`)
      ).json()) as { docs: Record<string, unknown>[] };
      expect(answer.docs.length, source.collection).toBeGreaterThan(0);
      const unrecorded: string[] = [];
      const walk = (value: unknown, where: string, field: string) => {
        if (Array.isArray(value)) {
          for (const item of value) walk(item, where, field);
          return;
        }
        if (typeof value !== 'object' || value === null) return;
        const node = value as Record<string, unknown>;
        expect('hasNextPage' in node, `${where}: a join field came back`).toBe(false);
        // A populated document has a numeric id (array rows have string ones).
        if (typeof node.id === 'number' && !(field in (embeds[source.collection] ?? {})))
          unrecorded.push(where);
        for (const [key, child] of Object.entries(node)) walk(child, `${where}.${key}`, field);
      };
      for (const doc of answer.docs)
        for (const [field, value] of Object.entries(doc)) walk(value, `${source.collection}.${field}`, field);
      expect(unrecorded, source.collection).toEqual([]);
    }
  });
});
