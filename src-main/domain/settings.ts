// Per-user integration settings and the effective settings a sequence gives a contact added now.
import type { Settings, SyncAs, SyncMode } from '../../src-shared/domain';
import type { Ctx } from '../backend/context';
import type { sequences, settings } from '../db/schema';
import { AppError } from '../../src-shared/result';
import { DEFAULT_RECORD_URL_PATTERN, recordUrlPatternProblem } from '../../src-shared/recordUrl';
import { connectionOf } from './connection';
import { getMeta, setMeta } from '../store/meta';
import { ensureSettings, updateSettings } from '../store/settings';
import { currentUserRow } from './users';

const RECORD_URL_KEY = 'record_url_pattern';

/**
 * The pattern for links to Recruiterflow records: the recruiter's own, else the default while the
 * connection is to recruiterflow.com (or there is none yet). Another server (the sandbox, a proxy) has no
 * known web pages, so no links there unless one is set.
 */
function hostnameOf(url: string | null): string {
  if (url === null) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function recordUrlPattern(ctx: Pick<Ctx, 'sqlite'>, baseUrl: string | null): { pattern: string; custom: boolean } {
  const own = getMeta(ctx, RECORD_URL_KEY);
  if (own !== null) return { pattern: own, custom: true };
  const host = hostnameOf(baseUrl);
  const known = baseUrl === null || host === 'recruiterflow.com' || host.endsWith('.recruiterflow.com');
  return { pattern: known ? DEFAULT_RECORD_URL_PATTERN : '', custom: false };
}

export type SettingsRow = typeof settings.$inferSelect;
type SequenceRow = typeof sequences.$inferSelect;

export function settingsRow(ctx: Pick<Ctx, 'db'>, userId: number): SettingsRow {
  return ensureSettings(ctx, userId);
}

export function getSettings(ctx: Pick<Ctx, 'db' | 'sqlite'>): Settings {
  const user = currentUserRow(ctx);
  const row = settingsRow(ctx, user.id);
  const connection = connectionOf(ctx, user.id);
  const link = recordUrlPattern(ctx, connection?.baseUrl ?? null);
  return {
    recordUrlPattern: link.pattern,
    recordUrlPatternCustom: link.custom,
    syncMode: row.syncMode,
    syncAs: row.syncAs,
    dedup: row.dedup,
    defaultJobId: row.defaultJobId,
    reviewBeforeSync: row.reviewBeforeSync,
    defaultCurrency: row.defaultCurrency,
    defaultStage: row.defaultStage,
    connected: connection !== null,
  };
}

export function setSettings(
  ctx: Pick<Ctx, 'db' | 'events' | 'sqlite'>,
  input: {
    syncMode?: SyncMode;
    syncAs?: SyncAs;
    dedup?: boolean;
    defaultJobId?: number | null;
    reviewBeforeSync?: boolean;
    defaultCurrency?: string;
    /** A pattern with {id} (and {type}); '' for no links; null for the default. */
    recordUrlPattern?: string | null;
  },
): Settings {
  const { recordUrlPattern: pattern, ...patch } = input;
  const user = currentUserRow(ctx);
  settingsRow(ctx, user.id);
  if (pattern !== undefined) {
    const problem = pattern === null ? null : recordUrlPatternProblem(pattern);
    if (problem) throw new AppError('invalid_input', problem, { field: 'recordUrlPattern' });
    setMeta(ctx, RECORD_URL_KEY, pattern === null ? null : pattern.trim());
  }
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  updateSettings(ctx, user.id, values);
  ctx.events.emit('data:changed', { what: 'settings' });
  return getSettings(ctx);
}

export interface EffectiveSettings {
  syncMode: SyncMode;
  syncAs: SyncAs;
  jobId: number | null;
  disabled: boolean;
  dedup: boolean;
  mappingVersion: number;
  reviewBeforeSync: boolean;
  inherited: { syncMode: boolean; syncAs: boolean; jobId: boolean };
}

/** What a contact added to this sequence right now would be captured with. */
export function effectiveSettings(seq: SequenceRow, owner: SettingsRow): EffectiveSettings {
  return {
    syncMode: seq.syncMode ?? owner.syncMode,
    syncAs: seq.syncAs ?? owner.syncAs,
    jobId: seq.jobId ?? owner.defaultJobId,
    disabled: seq.disableSync,
    dedup: owner.dedup,
    mappingVersion: owner.mappingVersion,
    reviewBeforeSync: owner.reviewBeforeSync,
    inherited: { syncMode: seq.syncMode === null, syncAs: seq.syncAs === null, jobId: seq.jobId === null },
  };
}
