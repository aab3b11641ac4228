/**
 * `task` over every item with at most `limit` running at once, results in the items' order.
 * After a failure no new task starts; once the running ones have ended, the first failure is
 * thrown. So when it throws, nothing is still running: a caller can undo what was done.
 * Used where many small requests go to one server: the site's downloads from the CMS, backup
 * and restore of photos in a bucket.
 */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
