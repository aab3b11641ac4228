import config from '@payload-config';
import '@payloadcms/next/css';
import { REST_DELETE, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes';
import { restGet } from '../../../../api/restGet';

// Anonymous reads of published content are answered from memory until the next write; the
// rest wait their turn (api/restGet.ts).
export const GET = restGet(config);
export const POST = REST_POST(config);
export const DELETE = REST_DELETE(config);
export const PATCH = REST_PATCH(config);
export const PUT = REST_PUT(config);
export const OPTIONS = REST_OPTIONS(config);
