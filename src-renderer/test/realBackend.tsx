// A real backend (a fresh SQLite file in a temp folder) behind window.flowbridge, built from the contract's
// channel list exactly as the preload builds it: renderer code under test calls it as it calls the app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import type { FlowbridgeApi } from '../../src-shared/api';
import { CHANNEL_NAMES } from '../../src-shared/channels';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { createBackend, type Backend } from '../../src-main/app/createBackend';
import { initApi } from '../src/api/getApi';

export interface RealBackend {
  backend: Backend;
  /** Calls a channel directly (for setting up and checking), failing loudly on an error. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

// The UI resolves its API once (getApi caches it), so the one API object calls whichever backend is current.
let current: Backend | null = null;
const backendNow = (): Backend => {
  if (!current) throw new Error('No backend installed: call installRealBackend() first');
  return current;
};
const api: FlowbridgeApi = {
  host: 'electron',
  invoke: Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => backendNow().invoke(channel, input)]),
  ) as FlowbridgeApi['invoke'],
  on(event, listener) {
    return backendNow().events.subscribe((name, payload) => {
      if (name === event) listener(payload as never);
    });
  },
};

export function installRealBackend(): RealBackend {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowbridge-renderer-'));
  const backend = createBackend({ dataDir, host: 'cli' });
  current = backend;
  window.flowbridge = api;
  initApi();
  return {
    backend,
    async call(channel, input) {
      const result = await backend.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as ChannelOutput<typeof channel>;
    },
    async close() {
      if (current === backend) current = null;
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The providers the app wraps every screen in. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    // env="test": no transitions (happy-dom runs no animation frames to finish them) and no portals.
    <MantineProvider env="test">
      <Notifications />
      {children}
    </MantineProvider>
  );
}
