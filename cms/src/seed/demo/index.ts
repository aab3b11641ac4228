export * from './artisans';
export * from './editions';
export * from './works';
