/**
 * A flow whose module is loaded on its first call: `methods` lists its methods, space-separated,
 * nested ones by dotted path (`'authenticate discovery.authenticate'`); each is an async stand-in
 * that loads the flow once and calls the real method. Every flow method already returns a promise,
 * so callers see no difference, and `createB2BClient` offers passwords and second factors without
 * an app that never calls them downloading them (a bundler splits a dynamic `import()` into a chunk
 * of its own). Hand-written: a Proxy would also answer `then` and every other key a caller probes.
 */
export function lazyFlow<T extends object>(load: () => Promise<T>, methods: string): T {
  let loading: Promise<T> | undefined;
  // A failed load (the chunk did not arrive) is tried again on the next call.
  const flow = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  const root: Record<string, unknown> = {};
  for (const path of methods.split(' ')) {
    const keys = path.split('.');
    const name = keys.pop()!;
    let node = root;
    for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
    node[name] = async (...args: unknown[]) => {
      let target = (await flow()) as Record<string, unknown>;
      for (const key of keys) target = target[key] as Record<string, unknown>;
      return (target[name] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return root as T;
}
