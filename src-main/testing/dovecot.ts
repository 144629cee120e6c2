// A throwaway Dovecot IMAP server for the mailbox tests and the benchmark: Debian's `dovecot-imapd`
// started in the foreground with its own configuration in a temporary folder (no system config, no
// system state), on free loopback ports: one IMAPS (TLS from the first byte) and one plain port that
// offers STARTTLS. One passwd-file user with a maildir, and a self-signed certificate made by the test.
//
// Dovecot refuses to run its login processes as root, so they run as its own unprivileged users
// (dovenull for the login process, dovecot for auth and the rest), and the mail itself belongs to
// `nobody`. Those users must reach the files, so the temporary folder is world-traversable.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT_BIN = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';
const DOVEADM_BIN = '/usr/bin/doveadm';
/** The uid/gid of the mail user: `nobody`. */
const MAIL_UID = 65534;

/** Null when a test Dovecot can run here; otherwise the one-line reason the tests are skipped. */
export function dovecotUnavailable(): string | null {
  if (!existsSync(DOVECOT_BIN))
    return `Dovecot not found at ${DOVECOT_BIN}: install Debian's dovecot-imapd (or set DOVECOT_PATH) to run the mailbox tests`;
  if (process.getuid?.() !== 0) return 'the mailbox tests start Dovecot with its own unprivileged users, which needs root: skipped';
  return null;
}

export interface Dovecot {
  host: string;
  /** IMAPS: TLS from the first byte. */
  tlsPort: number;
  /** Plain IMAP that offers STARTTLS. */
  plainPort: number;
  user: string;
  password: string;
  /** The self-signed certificate (PEM) the server presents; a file for `--ca`. */
  caFile: string;
  dir: string;
  /** Puts one raw RFC 822 message into a folder with IMAP APPEND. */
  append(raw: string, options?: { folder?: string; date?: Date; seen?: boolean }): Promise<void>;
  /** Creates an empty folder (each test can start from an empty mailbox). */
  createFolder(name: string): Promise<void>;
  /** Many messages over one connection (the benchmark's folder of 10,000). */
  appendMany(raws: string[], folder?: string): Promise<void>;
  /** Gives the folder a new UIDVALIDITY (as a server does after a rebuild): every UID changes meaning. */
  changeUidValidity(folder?: string): void;
  /** The server goes away (SIGKILL: connections drop without a goodbye). */
  kill(): Promise<void>;
  /** ...and comes back on the same ports with the same mail. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function config(dir: string, tlsPort: number, plainPort: number): string {
  return `# Written by src-main/testing/dovecot.ts for one test run.
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = flowbridge-test-${tlsPort}
protocols = imap
listen = 127.0.0.1
log_path = ${dir}/dovecot.log
default_internal_user = dovecot
default_login_user = dovenull
ssl = yes
ssl_cert = <${dir}/cert.pem
ssl_key = <${dir}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${MAIL_UID} gid=${MAIL_UID} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${plainPort}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tlsPort}
    ssl = yes
  }
}
service stats {
  inet_listener http {
    port = 0
  }
}
`;
}

function waitForPort(port: number, child: ChildProcess, log: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null)
        return reject(new Error(`Dovecot exited (${child.exitCode}): ${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''}`));
      import('node:net').then(({ connect }) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve();
        });
        socket.once('error', () => {
          socket.destroy();
          if (Date.now() - started > timeoutMs) reject(new Error(`Dovecot did not listen on ${port} within ${timeoutMs} ms`));
          else setTimeout(attempt, 50);
        });
      }, reject);
    };
    attempt();
  });
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
  } catch {
    return [];
  }
}

export async function startDovecot(options: { user?: string; password?: string } = {}): Promise<Dovecot> {
  const reason = dovecotUnavailable();
  if (reason) throw new Error(reason);
  const dir = mkdtempSync(join(tmpdir(), 'flowbridge-dovecot-'));
  chmodSync(dir, 0o755);
  const user = options.user ?? 'recruiter@example.test';
  const password = options.password ?? 'app-password-1234';
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    {
      stdio: 'ignore',
    },
  );
  chmodSync(certFile, 0o644);
  chmodSync(keyFile, 0o644);
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  mkdirSync(join(dir, 'state'));
  const home = join(dir, 'home', user);
  mkdirSync(home, { recursive: true });
  chmodSync(join(dir, 'home'), 0o755);
  chownSync(home, MAIL_UID, MAIL_UID);
  const [tlsPort, plainPort] = [await freePort(), await freePort()];
  const confFile = join(dir, 'dovecot.conf');
  writeFileSync(confFile, config(dir, tlsPort, plainPort));
  const log = join(dir, 'dovecot.log');

  let child: ChildProcess | null = null;
  const launch = async () => {
    // A master killed with SIGKILL leaves its sockets behind, and a new one refuses to start over them
    // ("Socket already exists"): a restart begins with an empty run folder, as after a reboot.
    rmSync(join(dir, 'run'), { recursive: true, force: true });
    mkdirSync(join(dir, 'run'));
    child = spawn(DOVECOT_BIN, ['-c', confFile, '-F'], { stdio: 'ignore' });
    await waitForPort(tlsPort, child, log);
    await waitForPort(plainPort, child, log);
  };
  const halt = async (signal: NodeJS.Signals) => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    // The master's own processes (login, imap, auth), by id: after a SIGKILL of the master they would
    // linger on their open connections for a while, which a real crash of the server does not do.
    const children = signal === 'SIGKILL' ? childPids(running.pid!) : [];
    running.kill(signal);
    for (const pid of children) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await exited;
  };
  await launch();

  const connectClient = async () => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: tlsPort,
      secure: true,
      auth: { user, pass: password },
      tls: { ca: readFileSync(certFile) },
      logger: false,
    });
    await client.connect();
    return client;
  };

  return {
    host: '127.0.0.1',
    tlsPort,
    plainPort,
    user,
    password,
    caFile: certFile,
    dir,
    async append(raw, opts = {}) {
      const client = await connectClient();
      try {
        const folder = opts.folder ?? 'INBOX';
        if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined);
        await client.append(folder, raw, opts.seen ? ['\\Seen'] : [], opts.date);
      } finally {
        await client.logout().catch(() => undefined);
      }
    },
    async createFolder(name) {
      const client = await connectClient();
      try {
        await client.mailboxCreate(name);
      } finally {
        await client.logout().catch(() => undefined);
      }
    },
    async appendMany(raws, folder = 'INBOX') {
      // A few connections side by side: one APPEND waits for its answer before the next is sent.
      const lanes = 4;
      await Promise.all(
        Array.from({ length: lanes }, async (_, lane) => {
          const client = await connectClient();
          try {
            for (let i = lane; i < raws.length; i += lanes) await client.append(folder, raws[i]!, ['\\Seen']);
          } finally {
            await client.logout().catch(() => undefined);
          }
        }),
      );
    },
    changeUidValidity(folder = 'INBOX') {
      // A value that differs from the current one (which Dovecot derived from the clock).
      const value = String(Math.floor(Date.now() / 1000) + 1_000_000 + Math.floor(Math.random() * 1000));
      execFileSync(DOVEADM_BIN, ['-c', confFile, 'mailbox', 'update', '--uid-validity', value, '-u', user, folder], { stdio: 'pipe' });
    },
    kill: () => halt('SIGKILL'),
    restart: launch,
    async stop() {
      await halt('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A raw message, as a mail client would send it. */
export function rawMessage(m: {
  from: string;
  to?: string;
  subject: string;
  date?: Date;
  messageId?: string | null;
  body?: string;
  headers?: Record<string, string>;
  contentType?: string;
}): string {
  const lines = [
    `From: ${m.from}`,
    `To: ${m.to ?? 'recruiter@example.test'}`,
    `Subject: ${m.subject}`,
    `Date: ${(m.date ?? new Date()).toUTCString().replace('GMT', '+0000')}`,
  ];
  if (m.messageId !== null)
    lines.push(`Message-ID: ${m.messageId ?? `<${Math.random().toString(36).slice(2)}.${Date.now()}@mail.example.test>`}`);
  for (const [k, v] of Object.entries(m.headers ?? {})) lines.push(`${k}: ${v}`);
  lines.push('MIME-Version: 1.0');
  lines.push(`Content-Type: ${m.contentType ?? 'text/plain; charset=utf-8'}`);
  return `${lines.join('\r\n')}\r\n\r\n${(m.body ?? 'Thanks for reaching out.').replace(/\r?\n/g, '\r\n')}\r\n`;
}
