import { vocabulary } from './vocabulary';

export const Techniques = vocabulary('techniques', {
  singular: { en: 'Technique', ru: 'Техника' },
  plural: { en: 'Techniques', ru: 'Техники' },
});
