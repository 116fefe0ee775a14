/**
 * A lazily imported chunk, fetched once from the page's own origin on first use; a failed fetch is forgotten,
 * so that the next use tries again (a flaky network must not break the page until it is reloaded).
 */
export function lazyChunk<T>(load: () => Promise<T>): () => Promise<T> {
  let chunk: Promise<T> | undefined;
  return () =>
    (chunk ??= load().catch((error: unknown) => {
      chunk = undefined;
      throw error;
    }));
}
