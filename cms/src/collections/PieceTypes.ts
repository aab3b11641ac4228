import { vocabulary } from './vocabulary';

export const PieceTypes = vocabulary('piece-types', {
  singular: { en: 'Piece type', ru: 'Тип изделия' },
  plural: { en: 'Piece types', ru: 'Типы изделий' },
});
