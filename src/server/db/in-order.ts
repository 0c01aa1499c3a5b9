// Drizzle queries run one after another. Its query builders start only when awaited, so a list of them can
// be awaited in turn: on a transaction's single connection queries must not overlap (pg queues them today
// with a deprecation warning, and pg 9 refuses them).

/** Awaits each query of the list in order and gives their results as a tuple. */
export async function inOrder<const T extends readonly PromiseLike<unknown>[]>(
  queries: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as { -readonly [K in keyof T]: Awaited<T[K]> };
}
