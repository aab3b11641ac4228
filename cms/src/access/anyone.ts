import type { Access } from 'payload';

/** Everyone, signed in or not. Use only for data with no drafts and nothing private. */
export const anyone: Access = () => true;
