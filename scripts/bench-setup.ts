/**
 * What every benchmark shares: the runtime config that points the built app at the real API
 * server on its own origin (no demo, no MSW, no service worker in the measurement), and the
 * throttled phone profile of Lighthouse's mobile preset.
 */

/** Non-demo runtime config; a long timeout for the benchmarks that ask for years of records. */
export function apiConfig(timeoutMs?: number) {
  return {
    defaultSource: 'api',
    sources: [
      {
        id: 'api',
        name: 'Access Monitor API',
        adapter: 'rest',
        url: '/api/v1',
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      },
    ],
  };
}

/** A slow phone on a poor network: 150 ms RTT, 1.6 Mbps down, 750 Kbps up, CPU 4× slower. */
export const THROTTLED = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpuSlowdown: 4,
};

/** What `throttle` needs of a CDP session (playwright-core's CDPSession fits). */
interface CdpLike {
  send(method: 'Network.enable'): Promise<unknown>;
  send(
    method: 'Network.emulateNetworkConditions',
    params: {
      offline: boolean;
      latency: number;
      downloadThroughput: number;
      uploadThroughput: number;
    },
  ): Promise<unknown>;
  send(method: 'Emulation.setCPUThrottlingRate', params: { rate: number }): Promise<unknown>;
}

/** Puts a page's CDP session on the throttled phone profile (network and CPU). */
export async function throttle(cdp: CdpLike): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLED.latency,
    downloadThroughput: THROTTLED.downloadThroughput,
    uploadThroughput: THROTTLED.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLED.cpuSlowdown });
}
