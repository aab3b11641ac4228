import { describe, expectTypeOf, it } from 'vitest';
import type { Artisan, Media, Work } from '../src';
import type { Artisan as ArtisanDoc, Media as MediaDoc, Work as WorkDoc } from '../src/payload-types';

/**
 * The public read model and the generated Payload types describe the same documents. When a
 * field changes in the CMS, these fail until the zod schema follows.
 */
describe('read model matches the generated Payload types', () => {
  it('work', () => {
    expectTypeOf<Work['title']>().toEqualTypeOf<WorkDoc['title']>();
    expectTypeOf<Work['slug']>().toEqualTypeOf<WorkDoc['slug']>();
    expectTypeOf<Work['id']>().toEqualTypeOf<WorkDoc['id']>();
    expectTypeOf<NonNullable<WorkDoc['_status']>>().toExtend<Work['_status'] | 'draft'>();
    expectTypeOf<Work['photos'][number]['caption']>().toEqualTypeOf<WorkDoc['photos'][number]['caption']>();
  });

  it('artisan', () => {
    expectTypeOf<Artisan['name']>().toEqualTypeOf<ArtisanDoc['name']>();
    expectTypeOf<Artisan['country']>().toEqualTypeOf<ArtisanDoc['country']>();
    expectTypeOf<Artisan['slug']>().toEqualTypeOf<ArtisanDoc['slug']>();
  });

  it('media', () => {
    expectTypeOf<Media['alt']>().toEqualTypeOf<MediaDoc['alt']>();
    expectTypeOf<keyof Media['sizes']>().toEqualTypeOf<keyof NonNullable<MediaDoc['sizes']>>();
    expectTypeOf<Media['lqip']>().toEqualTypeOf<MediaDoc['lqip'] | undefined>();
  });
});
