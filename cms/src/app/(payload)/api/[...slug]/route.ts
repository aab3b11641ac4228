import config from '@payload-config';
import '@payloadcms/next/css';
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes';
import { withPublicCache } from '../../../../api/publicCache';
import { env } from '../../../../env';

// Anonymous reads of published content are answered from memory until the next write.
export const GET = withPublicCache(REST_GET(config), env.apiCacheBytes);
export const POST = REST_POST(config);
export const DELETE = REST_DELETE(config);
export const PATCH = REST_PATCH(config);
export const PUT = REST_PUT(config);
export const OPTIONS = REST_OPTIONS(config);
