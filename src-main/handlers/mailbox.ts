// The mailbox channels: connect, test, scan, disconnect, the notes setting, and what replies say.
import type { HandlerGroup } from '../backend/registry';
import { connectMailbox, disconnectMailbox, testMailbox } from '../mailbox/connection';
import { contactReplies, repliesPerDay } from '../mailbox/queries';
import { setReplyNotes } from '../mailbox/store';
import type { MailboxWatcher } from '../mailbox/watcher';

export function mailboxHandlers(watcher: MailboxWatcher): HandlerGroup {
  return {
    'mailbox:get': () => watcher.status(),
    'mailbox:connect': async (input, ctx) => {
      const status = await connectMailbox(ctx, input, watcher.live);
      watcher.reconnect();
      return status;
    },
    'mailbox:test': (_input, ctx) => testMailbox(ctx, watcher.live),
    'mailbox:scan': (input) => watcher.scan({ since: input.since }),
    'mailbox:disconnect': (_input, ctx) => {
      const status = disconnectMailbox(ctx);
      watcher.reconnect();
      return status;
    },
    'mailbox:setNotes': (input, ctx) => setReplyNotes(ctx, input.enabled, watcher.live),
    'mailbox:contactReplies': (input, ctx) => contactReplies(ctx, input.email),
    'mailbox:perDay': (input, ctx) => repliesPerDay(ctx, input.days),
  };
}
