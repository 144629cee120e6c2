// Links to Recruiterflow records: the on-demand check, and what it read of a contact's records.
import type { HandlerGroup } from '../backend/registry';
import { linkedRecordsFor, verifyLinks } from '../sync/linkCheck';

export const linkHandlers: HandlerGroup = {
  'links:verify': (_input, ctx) => verifyLinks(ctx),
  'links:records': (input, ctx) => ({ records: linkedRecordsFor(ctx, input.email) }),
};
