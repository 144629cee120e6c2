// Every command of docs/cli.md, each a call into the same backend the window uses.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { INTEGRATIONS, ROLES, SYNC_AS, SYNC_MODES } from '../../src-shared/domain';
import { AppError } from '../../src-shared/result';
import { CSV_ENCODINGS, type CsvEncoding } from '../../src-shared/csvEncoding';
import { decodeCsv } from '../domain/csv';
import { importContactsFile } from '../domain/csvFile';
import { exportErrorsToFile } from '../domain/errorReport';
import { Flags } from './args';
import { MAILBOX_COMMANDS } from './mailboxCommands';
import { call, noExtraWords, type Command, type CommandContext } from './command';
import { MAPPING_COMMANDS } from './mappingCommands';

/** Reads and decodes a CSV file: the encoding given with --encoding, or the one detected. */
function readCsvFile(path: string, encoding: CsvEncoding | undefined): { csv: string; encoding: { encoding: string; reason: string } } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(path));
  } catch (error) {
    throw new AppError('unreadable_file', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const decoded = decodeCsv(bytes, encoding);
  return { csv: decoded.text, encoding: { encoding: decoded.encoding, reason: decoded.reason } };
}

/**
 * The key for `connect`, from exactly one place: --api-key-stdin (the first line of stdin) or the
 * FLOWBRIDGE_API_KEY variable, which keep it out of `ps` and the shell history, or --api-key KEY.
 */
async function apiKeyFrom(c: CommandContext): Promise<string> {
  if (c.flags.has('api-key-stdin') && c.flags.has('api-key'))
    throw new AppError('invalid_input', 'Give the key once: --api-key-stdin or --api-key, not both');
  let key: string | undefined;
  let source: string;
  if (c.flags.has('api-key-stdin')) {
    source = 'stdin';
    if (!c.io.stdin) throw new AppError('invalid_input', 'No standard input to read the key from');
    key = (await c.io.stdin()).split(/\r?\n/, 1)[0];
  } else if (c.flags.has('api-key')) {
    return c.flags.required('api-key');
  } else {
    source = 'FLOWBRIDGE_API_KEY';
    key = c.io.env.FLOWBRIDGE_API_KEY;
    if (key === undefined)
      throw new AppError(
        'invalid_input',
        '"connect" needs the key: --api-key-stdin (e.g. `connect --base-url URL --api-key-stdin < key.txt`), the FLOWBRIDGE_API_KEY variable, or --api-key KEY',
      );
  }
  if (key === undefined || key.trim() === '') throw new AppError('invalid_input', `The API key from ${source} is empty`);
  return key;
}

function sequenceFlags(flags: Flags) {
  const job = flags.string('job');
  let jobId: number | 'inherit' | undefined;
  if (job === 'inherit') jobId = 'inherit';
  else if (job !== undefined) jobId = flags.int('job');
  return {
    syncMode: flags.choice('sync-mode', ['inherit', ...SYNC_MODES] as const),
    syncAs: flags.choice('sync-as', ['inherit', ...SYNC_AS] as const),
    jobId,
    disableSync: flags.onOff('disable-sync'),
  };
}

const SEQUENCE_FLAGS = ['name', 'sync-mode', 'sync-as', 'job', 'disable-sync'];

const settingsShow = (s: ChannelOutput<'settings:get'>) => ({
  syncMode: s.syncMode,
  syncAs: s.syncAs,
  dedup: s.dedup,
  defaultJobId: s.defaultJobId,
  connected: s.connected,
  reviewBeforeSync: s.reviewBeforeSync,
  currency: s.defaultCurrency,
  stage: s.defaultStage,
});

export const COMMANDS: Record<string, Command> = {
  async connect(c) {
    c.flags.allow('base-url', 'api-key', 'api-key-stdin');
    noExtraWords(c, 1, 'connect --base-url URL (--api-key-stdin | --api-key KEY)');
    const baseUrl = c.flags.required('base-url');
    // A command line does not ask: it changes account as told, and says what that did (queued items held
    // for review, links to the old account kept but not reused, contacts synced there not synced here).
    const connection = await call(c.backend, 'connection:connect', { baseUrl, apiKey: await apiKeyFrom(c), confirmSwitch: true });
    if (!connection.switched) return { connected: connection.connected, baseUrl: connection.baseUrl };
    const s = connection.switched;
    c.io.stderr(
      `flowbridge: changed Recruiterflow account (${s.from} -> ${s.to}): ${s.queuedHeld} queued held for review in the Queue, ` +
        `${s.linksKept} links to the old account kept but not reused, ${s.syncedElsewhere} synced there now not synced here (resync sends them)\n`,
    );
    return { connected: connection.connected, baseUrl: connection.baseUrl, switched: s };
  },
  async disconnect(c) {
    c.flags.allow();
    noExtraWords(c, 1, 'disconnect');
    const connection = await call(c.backend, 'connection:disconnect', {});
    return { connected: connection.connected };
  },

  async 'settings show'(c) {
    c.flags.allow();
    return settingsShow(await call(c.backend, 'settings:get', {}));
  },
  async 'settings set'(c) {
    c.flags.allow('sync-mode', 'sync-as', 'dedup', 'default-job', 'review-before-sync', 'currency', 'stage');
    const job = c.flags.string('default-job');
    const patch: ChannelInput<'settings:set'> = {
      syncMode: c.flags.choice('sync-mode', SYNC_MODES),
      syncAs: c.flags.choice('sync-as', SYNC_AS),
      dedup: c.flags.onOff('dedup'),
      defaultJobId: job === undefined ? undefined : job === 'none' ? null : c.flags.int('default-job'),
      reviewBeforeSync: c.flags.onOff('review-before-sync'),
      defaultCurrency: c.flags.string('currency'),
    };
    const shown = settingsShow(await call(c.backend, 'settings:set', patch));
    const stage = c.flags.string('stage');
    if (stage === undefined) return shown;
    // After the job: the stage is picked from the (new) default job's stages.
    const stages = await call(c.backend, 'stages:setDefault', { stage: stage === 'first' || stage === 'none' ? null : stage });
    return { ...shown, stage: stages.defaultStage };
  },
  async 'settings clone'(c) {
    c.flags.allow('to', 'to-all');
    const all = c.flags.has('to-all');
    const to = c.flags.list('to');
    if (all === (to !== undefined)) throw new AppError('invalid_input', 'settings clone needs exactly one of --to E1,E2,... or --to-all');
    return call(c.backend, 'settings:clone', all ? { all: true } : { to });
  },

  async 'mapping show'(c) {
    c.flags.allow();
    return call(c.backend, 'mapping:get', {});
  },
  async 'jobs list'(c) {
    c.flags.allow();
    const connected = (await call(c.backend, 'connection:get', {})).connected;
    if (connected) {
      const fresh = await c.backend.invoke('jobs:refresh', {});
      if (fresh.ok) return fresh.value;
      c.io.stderr(`flowbridge: showing cached jobs (${fresh.error.message})\n`);
    }
    return call(c.backend, 'jobs:list', {});
  },

  async 'users list'(c) {
    c.flags.allow();
    return call(c.backend, 'users:list', {});
  },
  async 'users add'(c) {
    c.flags.allow('email', 'name', 'role', 'group', 'integration');
    const role = c.flags.choice('role', ROLES);
    if (!role) throw new AppError('invalid_input', '"users add" needs --role owner|manager|member');
    return call(c.backend, 'users:add', {
      email: c.flags.required('email'),
      name: c.flags.required('name'),
      role,
      group: c.flags.string('group') ?? null,
      integration: c.flags.choice('integration', INTEGRATIONS),
    });
  },
  async 'users use'(c) {
    c.flags.allow();
    noExtraWords(c, 3, 'users use EMAIL');
    const email = c.words[2];
    if (!email) throw new AppError('invalid_input', 'usage: users use EMAIL');
    return call(c.backend, 'users:use', { email });
  },

  async 'users set-owner'(c) {
    c.flags.allow();
    noExtraWords(c, 4, 'users set-owner EMAIL RF_USER_ID|email');
    const [email, rf] = [c.words[2], c.words[3]];
    if (!email || !rf) throw new AppError('invalid_input', 'usage: users set-owner EMAIL RF_USER_ID|email');
    // `email` goes back to pairing by email (the default).
    if (rf !== 'email' && !/^\d{1,15}$/.test(rf))
      throw new AppError('invalid_input', `RF_USER_ID must be a Recruiterflow user id or "email", not "${rf}"`);
    return call(c.backend, 'owners:set', { email, rfUserId: rf === 'email' ? null : Number(rf) });
  },
  async 'users owners'(c) {
    c.flags.allow();
    noExtraWords(c, 2, 'users owners');
    return call(c.backend, 'owners:list', {});
  },

  async 'contacts import'(c) {
    c.flags.allow('encoding');
    noExtraWords(c, 3, 'contacts import FILE.csv [--encoding ENC]');
    const file = c.words[2];
    if (!file) throw new AppError('invalid_input', 'usage: contacts import FILE.csv [--encoding ENC]');
    // Streamed from the file into the importer (not sent whole through the channel): a million rows
    // import in flat memory.
    const { emails: _emails, ...summary } = await importContactsFile(c.backend.ctx, file, {
      chosen: c.flags.choice('encoding', CSV_ENCODINGS),
    });
    return summary;
  },
  async 'contacts show'(c) {
    c.flags.allow('email');
    const detail = await call(c.backend, 'contacts:get', { email: c.flags.required('email') });
    const { replies, bounced } = await call(c.backend, 'mailbox:contactReplies', { email: detail.email });
    return {
      replies: replies.map((r) => ({
        at: new Date(r.at).toISOString(),
        subject: r.subject,
        kind: r.kind,
        source: r.source,
        ...(r.returnDate ? { returnDate: r.returnDate } : {}),
      })),
      bounced,
      email: detail.email,
      fields: detail.fields,
      recruiterflowIds: detail.recruiterflowIds,
      enrollments: detail.enrollments.map((e) => ({
        sequenceId: e.sequenceId,
        state: e.state,
        error: e.error,
        syncAs: e.syncAs,
        jobId: e.jobId,
        recruiterflowId: e.recruiterflowId,
        errorCode: e.errorCode,
        matches: e.matches,
      })),
    };
  },

  async 'contacts delete'(c) {
    c.flags.allow('email', 'emails');
    noExtraWords(c, 2, 'contacts delete --email E | --emails E1,E2,...');
    const one = c.flags.string('email');
    const many = c.flags.list('emails');
    if ((one === undefined) === (many === undefined))
      throw new AppError('invalid_input', 'contacts delete needs exactly one of --email E or --emails E1,E2,...');
    return call(c.backend, 'contacts:delete', { emails: one !== undefined ? [one] : many! });
  },

  async 'sequences create'(c) {
    c.flags.allow(...SEQUENCE_FLAGS);
    return call(c.backend, 'sequences:create', { name: c.flags.required('name'), ...sequenceFlags(c.flags) });
  },
  async 'sequences set'(c) {
    c.flags.allow(...SEQUENCE_FLAGS, 'cancel-queued', 'stage', 'reply-stage');
    noExtraWords(c, 3, 'sequences set ID [flags]');
    const id = c.words[2];
    if (!id)
      throw new AppError(
        'invalid_input',
        'usage: sequences set ID [--name N] [--sync-mode ...] [--sync-as ...] [--job ...] [--disable-sync on|off]',
      );
    const cancelQueued = c.flags.has('cancel-queued') ? true : undefined;
    const stage = c.flags.string('stage');
    const replyStage = c.flags.string('reply-stage');
    const updated = await call(c.backend, 'sequences:update', {
      id,
      name: c.flags.string('name'),
      ...sequenceFlags(c.flags),
      cancelQueued,
    });
    if (stage === undefined && replyStage === undefined) return updated;
    // `inherit` (the default stage) and `none` (no reply stage) clear them.
    const stages = await call(c.backend, 'stages:setSequence', {
      id,
      stage: stage === undefined ? undefined : stage === 'inherit' ? null : stage,
      replyStage: replyStage === undefined ? undefined : replyStage === 'none' ? null : replyStage,
    });
    return { ...updated, stage: stages.stage, replyStage: stages.replyStage, effectiveStage: stages.effectiveStage };
  },
  async 'sequences list'(c) {
    c.flags.allow();
    return (await call(c.backend, 'sequences:list', {})).map((s) => ({
      id: s.id,
      name: s.name,
      syncMode: s.syncMode,
      syncAs: s.syncAs,
      jobId: s.jobId,
      disableSync: s.disableSync,
      counts: s.counts,
    }));
  },
  async 'sequences add'(c) {
    c.flags.allow('emails', 'file', 'unknown', 'encoding');
    noExtraWords(c, 3, 'sequences add ID (--emails E1,E2 | --file FILE.csv [--encoding E]) [--unknown fail|skip|create]');
    const id = c.words[2];
    if (!id) throw new AppError('invalid_input', 'usage: sequences add ID (--emails E1,E2,... | --file FILE.csv)');
    const emails = c.flags.list('emails');
    const file = c.flags.string('file');
    if ((emails === undefined) === (file === undefined))
      throw new AppError('invalid_input', 'sequences add needs exactly one of --emails or --file');
    const unknown = c.flags.choice('unknown', ['fail', 'skip', 'create'] as const);
    if (unknown !== undefined && !emails)
      throw new AppError('invalid_input', '--unknown goes with --emails (a CSV file creates its contacts)');
    if (emails) return call(c.backend, 'sequences:add', { sequenceId: id, emails, unknown });
    const read = readCsvFile(file!, c.flags.choice('encoding', CSV_ENCODINGS));
    const { import: _imported, ...summary } = await call(c.backend, 'sequences:addCsv', { sequenceId: id, ...read });
    return summary;
  },

  async 'replies record'(c) {
    c.flags.allow('email', 'sequence');
    return call(c.backend, 'replies:record', { email: c.flags.required('email'), sequenceId: c.flags.string('sequence') });
  },
  async 'errors clear'(c) {
    c.flags.allow('email', 'sequence');
    return call(c.backend, 'errors:clear', { email: c.flags.required('email'), sequenceId: c.flags.string('sequence') });
  },
  async 'links verify'(c) {
    c.flags.allow();
    noExtraWords(c, 2, 'links verify');
    return call(c.backend, 'links:verify', {});
  },
  async 'errors resolve'(c) {
    // One decision per call, named by its flag; a new decision is one more entry here.
    c.flags.allow('email', 'sequence', 'create', 'link', 'skip');
    const chosen = (['create', 'link', 'skip'] as const).filter((f) => c.flags.has(f));
    if (chosen.length !== 1) throw new AppError('invalid_input', 'errors resolve needs exactly one of --create, --link RF_ID or --skip');
    const action = chosen[0]!;
    return call(c.backend, 'errors:resolve', {
      email: c.flags.required('email'),
      sequenceId: c.flags.string('sequence'),
      action,
      rfId: action === 'link' ? c.flags.int('link') : undefined,
    });
  },
  async 'errors export'(c) {
    c.flags.allow('format', 'out');
    const format = c.flags.choice('format', ['csv', 'json'] as const);
    if (!format) throw new AppError('invalid_input', '"errors export" needs --format csv|json');
    const out = resolve(c.flags.required('out'));
    // Streamed straight into the file: a report of a million rows is never held in memory.
    try {
      const { rows } = exportErrorsToFile(c.backend.ctx, format, out);
      return { rows, file: out };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('unreadable_file', `Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  },

  async 'sync run'(c) {
    c.flags.allow('wait');
    return call(c.backend, 'sync:run', { wait: c.flags.number('wait') });
  },
  async resync(c) {
    c.flags.allow('sequence', 'email');
    noExtraWords(c, 1, 'resync [--sequence ID] [--email E]');
    return call(c.backend, 'enrollments:resync', { sequenceId: c.flags.string('sequence'), email: c.flags.string('email') });
  },
  async status(c) {
    c.flags.allow();
    noExtraWords(c, 1, 'status');
    const s = await call(c.backend, 'sync:status', {});
    return {
      connected: s.connected,
      states: s.states,
      queue: { due: s.queue.due, backoff: s.queue.backoff, review: s.queue.review, held: s.queue.held },
      paused: s.paused,
      pausedReason: s.pausedReason,
    };
  },
  ...MAILBOX_COMMANDS,
  ...MAPPING_COMMANDS,
};

/** Finds the command named by the first one or two words. */
export function findCommand(words: string[]): { name: string; run: Command } | null {
  // Own keys only: "constructor" or "__proto__" typed as a command must not find Object.prototype's members.
  const known = (name: string) => Object.hasOwn(COMMANDS, name);
  const two = words.slice(0, 2).join(' ');
  if (known(two)) return { name: two, run: COMMANDS[two]! };
  const one = words[0] ?? '';
  if (known(one) && !Object.keys(COMMANDS).some((k) => k.startsWith(`${one} `))) return { name: one, run: COMMANDS[one]! };
  return null;
}
