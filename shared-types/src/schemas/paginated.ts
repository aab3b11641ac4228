import { z } from 'zod';

/**
 * The envelope of a Payload REST list response. Documents are left unchecked here so that
 * each one can be validated on its own and an error can name the document at fault.
 */
export const PaginatedSchema = z.object({
  docs: z.array(z.unknown()),
  totalDocs: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  totalPages: z.number().int().nonnegative(),
  page: z.number().int().positive().optional(),
  hasNextPage: z.boolean(),
  nextPage: z.number().int().nullish(),
});
export type Paginated = z.infer<typeof PaginatedSchema>;
