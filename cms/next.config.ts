import { withPayload } from '@payloadcms/next/withPayload';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // shared-types ships TypeScript source; Next compiles it like the CMS's own files.
  transpilePackages: ['@oyu/shared-types'],
  poweredByHeader: false,
  images: { unoptimized: true },
};

export default withPayload(nextConfig, { devBundleServerPackages: false });
