// https://docs.astro.build/en/guides/environment-variables/#intellisense-for-typescript
interface ImportMetaEnv {
  /** The CMS to read, e.g. http://127.0.0.1:3000 (peer.ts sets it). */
  readonly CMS_URL?: string;
}
