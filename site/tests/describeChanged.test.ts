import { describe, expect, it } from 'vitest';
import { describeChanged } from '../src/lib/plan';

describe("a partial build's reason", () => {
  it('names every changed document when few changed', () => {
    expect(describeChanged({ changed: [] })).toBe(
      'changed: only when works were last updated (the home pages list the latest)',
    );
    expect(describeChanged({ changed: ['oyu-works.en/1', 'oyu-works.kk/1'] })).toBe(
      'changed: oyu-works.en/1, oyu-works.kk/1',
    );
  });

  it('counts them by collection when many changed, naming the first few', () => {
    const changed = [
      ...Array.from({ length: 15_000 }, (_, i) => `oyu-works.${['en', 'ru', 'kk'][i % 3]}/${i}`),
      'oyu-artisans.en/3',
    ];
    const reason = describeChanged({ changed });
    expect(reason).toMatch(
      /^changed: 15001 documents \(15000 oyu-works, 1 oyu-artisans\), among them oyu-works\.en\/0, oyu-works\.ru\/1, .*oyu-works\.kk\/11…$/,
    );
    expect(reason.length).toBeLessThan(400);
  });

  it('says which documents were published and which taken down, beside those changed', () => {
    expect(
      describeChanged({
        changed: ['oyu-artisans.en/3'],
        added: Array.from({ length: 300 }, (_, i) => `oyu-works.${['en', 'ru', 'kk'][i % 3]}/${100 + i}`),
        gone: ['oyu-works.en/7'],
      }),
    ).toMatch(
      /^changed: oyu-artisans\.en\/3; published: 300 documents \(300 oyu-works\), among them oyu-works\.en\/100, .*…; taken down: oyu-works\.en\/7$/,
    );
  });
});
