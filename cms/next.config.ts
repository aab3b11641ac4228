import { withPayload } from '@payloadcms/next/withPayload';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // shared-types ships TypeScript source; Next compiles it like the CMS's own files.
  transpilePackages: ['@oyu/shared-types'],
  poweredByHeader: false,
  images: { unoptimized: true },
  experimental: {
    // Minifying the server turned Payload's `class APIError` into an anonymous class, so every
    // error without `data` lost its name and Payload answered "An unknown error occurred."
    // instead of the message (each 400 and 429 the CMS explains). The server is not sent to
    // browsers; its size does not matter.
    serverMinification: false,
  },
};

export default withPayload(nextConfig, { devBundleServerPackages: false });
