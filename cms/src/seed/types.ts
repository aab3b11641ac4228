export type SeedProgress = { step: string; done: number; total: number };
export type SeedOptions = {
  onProgress?: (progress: SeedProgress) => void;
  /** Width and height of the generated work photographs (default 1200×900). */
  photoSize?: { width: number; height: number };
};
export type SeedReport = {
  artisans: number;
  works: number;
  drafts: number;
  photos: number;
  editions: number;
  showcases: number;
  venues: number;
};
