export * from './countries';
export * from './imageSizes';
export * from './locales';
export * from './schemas/artisan';
export * from './schemas/media';
export * from './schemas/paginated';
export * from './schemas/richText';
export * from './schemas/work';
