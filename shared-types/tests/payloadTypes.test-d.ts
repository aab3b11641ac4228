import { describe, expectTypeOf, it } from 'vitest';
import type { Artisan, Edition, Media, Work } from '../src';
import type {
  Artisan as ArtisanDoc,
  Edition as EditionDoc,
  Media as MediaDoc,
  Work as WorkDoc,
} from '../src/payload-types';

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
    expectTypeOf<Work['photos'][number]['caption']>().toEqualTypeOf<MediaDoc['caption'] | undefined>();
    expectTypeOf<Work['fineness']>().toEqualTypeOf<WorkDoc['fineness']>();
    expectTypeOf<Work['weightGrams']>().toEqualTypeOf<WorkDoc['weightGrams']>();
    expectTypeOf<NonNullable<Work['licence']>>().toEqualTypeOf<NonNullable<WorkDoc['licence']>>();
    expectTypeOf<NonNullable<Work['editionType']>>().toEqualTypeOf<NonNullable<WorkDoc['editionType']>>();
    expectTypeOf<Work['colours'][number]>().toEqualTypeOf<NonNullable<WorkDoc['colours']>[number]>();
  });

  it('artisan', () => {
    expectTypeOf<Artisan['name']>().toEqualTypeOf<ArtisanDoc['name']>();
    expectTypeOf<Artisan['country']>().toEqualTypeOf<ArtisanDoc['country']>();
    expectTypeOf<Artisan['slug']>().toEqualTypeOf<ArtisanDoc['slug']>();
    expectTypeOf<Artisan['disciplines'][number]>().toEqualTypeOf<
      NonNullable<ArtisanDoc['disciplines']>[number]
    >();
    expectTypeOf<Artisan['socialLinks'][number]['platform']>().toEqualTypeOf<
      NonNullable<ArtisanDoc['socialLinks']>[number]['platform']
    >();
  });

  it('edition', () => {
    expectTypeOf<Edition['year']>().toEqualTypeOf<EditionDoc['year']>();
    expectTypeOf<Edition['stage']>().toEqualTypeOf<EditionDoc['stage']>();
  });

  it('media', () => {
    expectTypeOf<Media['alt']>().toEqualTypeOf<MediaDoc['alt']>();
    expectTypeOf<keyof Media['sizes']>().toEqualTypeOf<keyof NonNullable<MediaDoc['sizes']>>();
    expectTypeOf<Media['lqip']>().toEqualTypeOf<MediaDoc['lqip'] | undefined>();
  });
});
