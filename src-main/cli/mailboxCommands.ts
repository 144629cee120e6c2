// `mailbox connect | status | scan | disconnect` (docs/cli.md).
import { AppError } from '../../src-shared/result';
import { MAILBOX_SECURITY, type MailboxStatus } from '../../src-shared/mailbox';
import { call, noExtraWords, type Command, type CommandContext } from './command';

/** The password from stdin (first line) or FLOWBRIDGE_MAILBOX_PASSWORD; never from a flag (shell history, ps). */
async function password(c: CommandContext): Promise<string> {
  if (c.flags.has('password-stdin')) {
    if (!c.io.stdin) throw new AppError('invalid_input', 'No standard input to read the password from');
    const text = await c.io.stdin();
    const first = text.split(/\r?\n/)[0] ?? '';
    if (first === '') throw new AppError('invalid_input', '--password-stdin read an empty password');
    return first;
  }
  const fromEnv = c.io.env.FLOWBRIDGE_MAILBOX_PASSWORD;
  if (fromEnv) return fromEnv;
  throw new AppError('invalid_input', 'mailbox connect needs the password on stdin (--password-stdin) or in FLOWBRIDGE_MAILBOX_PASSWORD');
}

function port(c: CommandContext): number | undefined {
  const value = c.flags.string('port');
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535)
    throw new AppError('invalid_input', `--port must be a port number, not "${value}"`);
  return Number(value);
}

const statusOut = (s: MailboxStatus) => ({
  connected: s.connected,
  state: s.state,
  lastScanAt: s.lastScanAt === null ? null : new Date(s.lastScanAt).toISOString(),
  counts: s.counts,
  host: s.host,
  port: s.port,
  security: s.security,
  user: s.user,
  folder: s.folder,
  message: s.message,
  notes: s.notes,
});

export const MAILBOX_COMMANDS: Record<string, Command> = {
  async 'mailbox connect'(c) {
    c.flags.allow('host', 'port', 'user', 'password-stdin', 'security', 'ca', 'folder');
    noExtraWords(
      c,
      2,
      'mailbox connect --host H [--port P] --user U (--password-stdin | FLOWBRIDGE_MAILBOX_PASSWORD) [--security tls|starttls|none] [--ca FILE] [--folder INBOX]',
    );
    const s = await call(c.backend, 'mailbox:connect', {
      host: c.flags.required('host'),
      port: port(c),
      user: c.flags.required('user'),
      password: await password(c),
      security: c.flags.choice('security', MAILBOX_SECURITY),
      caFile: c.flags.string('ca') ?? null,
      folder: c.flags.string('folder'),
    });
    return { connected: s.connected, host: s.host, port: s.port, security: s.security, user: s.user, folder: s.folder };
  },
  async 'mailbox status'(c) {
    c.flags.allow();
    noExtraWords(c, 2, 'mailbox status');
    return statusOut(await call(c.backend, 'mailbox:get', {}));
  },
  async 'mailbox scan'(c) {
    c.flags.allow('since');
    noExtraWords(c, 2, 'mailbox scan [--since YYYY-MM-DD]');
    return call(c.backend, 'mailbox:scan', { since: c.flags.string('since') });
  },
  async 'mailbox disconnect'(c) {
    c.flags.allow();
    noExtraWords(c, 2, 'mailbox disconnect');
    return { connected: (await call(c.backend, 'mailbox:disconnect', {})).connected };
  },
};
