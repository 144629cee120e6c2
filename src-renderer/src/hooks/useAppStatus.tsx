// App-wide status shared by the shell, the status bar and several screens: app info, the connection and
// the sync status, kept fresh from backend events.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AppInfo, SyncStatus } from '../../../src-shared/contract';
import type { Connection, User } from '../../../src-shared/domain';
import { useApiQuery } from './useApiQuery';
import { useServerEvent } from './useServerEvent';

export interface SyncProgress {
  running: boolean;
  done: number;
  total: number;
}

interface AppStatus {
  info: AppInfo | undefined;
  connection: Connection | undefined;
  status: SyncStatus | undefined;
  currentUser: User | undefined;
  progress: SyncProgress | null;
  refetchInfo: () => void;
  refetchStatus: () => void;
  refetchConnection: () => void;
}

const Ctx = createContext<AppStatus | null>(null);

export function AppStatusProvider({ children }: { children: ReactNode }) {
  const info = useApiQuery('app:info', {}, { refetchOn: ['data:changed'] });
  const conn = useApiQuery('connection:get', {}, { refetchOn: ['data:changed'] });
  const status = useApiQuery('sync:status', {}, { refetchOn: ['queue:changed', 'sync:progress', 'data:changed', 'connection:changed'] });
  const users = useApiQuery('users:list', {}, { refetchOn: ['data:changed', 'connection:changed'] });
  const [connection, setConnection] = useState<Connection | undefined>(undefined);
  const [progress, setProgress] = useState<SyncProgress | null>(null);

  useEffect(() => setConnection(conn.data), [conn.data]);
  useServerEvent('connection:changed', setConnection);
  useServerEvent('sync:progress', (p) => setProgress(p.running ? { running: true, done: p.done, total: p.total } : null));

  const value: AppStatus = {
    info: info.data,
    connection,
    status: status.data,
    currentUser: users.data?.find((u) => u.current),
    progress,
    refetchInfo: info.refetch,
    refetchStatus: status.refetch,
    refetchConnection: conn.refetch,
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAppStatus(): AppStatus {
  const value = useContext(Ctx);
  if (!value) throw new Error('useAppStatus outside AppStatusProvider');
  return value;
}

export function errorCount(status: SyncStatus | undefined): number {
  if (!status) return 0;
  return status.states.flagged + status.states.failed + status.states.retrying;
}

export function queueCount(status: SyncStatus | undefined): number {
  if (!status) return 0;
  const q = status.queue;
  return q.due + q.backoff + q.review + q.held + q.inFlight;
}
