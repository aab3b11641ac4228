import { describe, expect, it } from 'vitest';
import { serialize } from '../src/lib/jsonld';

describe('JSON-LD serialisation', () => {
  it('cannot be broken out of its script element', () => {
    const hostile = { name: '</script><script>alert(1)</script><!-- & \u2028' };
    const json = serialize(hostile);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(hostile);
  });
});
