import type { AdapterDescription, DataSourceAdapter, Inventory } from '../contract.ts';

/**
 * An adapter whose code is loaded on first use: the HXL, CKAN and static adapters (and
 * papaparse) stay out of the first page load of a dashboard that runs on the REST API.
 * `describe()` must answer at once, so it comes from the configuration.
 */
export function lazyAdapter(
  sourceId: string,
  description: AdapterDescription,
  load: () => Promise<DataSourceAdapter>,
): DataSourceAdapter {
  let loading: Promise<DataSourceAdapter> | undefined;
  const adapter = () => {
    loading ??= load();
    loading.catch(() => (loading = undefined));
    return loading;
  };
  return {
    sourceId,
    describe: () => description,
    theatre: async (signal) => (await adapter()).theatre(signal),
    query: async (request) => (await adapter()).query(request),
    rollup: async (request) => (await adapter()).rollup(request),
    async testConnection(signal) {
      try {
        return await (await adapter()).testConnection(signal);
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
    async inventory(signal): Promise<Inventory> {
      const loaded = await adapter();
      if (!loaded.inventory) throw new Error(`${description.name}: keeps no inventory`);
      return loaded.inventory(signal);
    },
  };
}
