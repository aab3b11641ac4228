// Brings `payload` into this package's type program, so that the module augmentation at the
// end of the generated src/payload-types.ts has a module to augment.
import type {} from 'payload';
