import { withPayload } from '@payloadcms/next/withPayload';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // shared-types ships TypeScript source; Next compiles it like the CMS's own files.
  transpilePackages: ['@oyu/shared-types'],
  poweredByHeader: false,
  images: { unoptimized: true },
  experimental: {
    // The server minifier renames Payload's error classes (`class APIError` becomes anonymous),
    // and Payload tells errors apart by their name: an error without `data` then loses its
    // message to "An unknown error occurred." (each 400 and 429 the CMS explains). The server is
    // not sent to browsers; its size does not matter. Upstream: the same renaming strips a
    // ValidationError's `data`, https://github.com/payloadcms/payload/issues/17298 (closed
    // without a fix). Remove once Payload no longer relies on class names: "errors in production
    // say what to fix" in scripts/tests/cmsServer.test.ts, with minification on, tells.
    serverMinification: false,
  },
};

export default withPayload(nextConfig, { devBundleServerPackages: false });
