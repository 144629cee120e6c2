// Contacts, sequences, enrollments, replies and flags.
import type { HandlerGroup } from '../backend/registry';
import { getContact, listContacts } from '../domain/contacts';
import { importContacts, previewCsv } from '../domain/contactImport';
import { addToSequence } from '../domain/enroll';
import { clearByEmail, clearByIds, markReplied, recordReply, removeEnrollments, resync, retry } from '../domain/enrollmentActions';
import { listEnrollments } from '../domain/enrollmentQueries';
import { createSequence, getSequence, listSequences, parseSequenceId, sequenceRow, updateSequence } from '../domain/sequences';

export const recordHandlers: HandlerGroup = {
  'contacts:list': (input, ctx) => listContacts(ctx, input),
  'contacts:get': (input, ctx) => getContact(ctx, input.email),
  'contacts:csvPreview': (input) => previewCsv(input.csv),
  'contacts:import': async (input, ctx) => {
    const { emails: _emails, ...summary } = await importContacts(ctx, input.csv, { columns: input.columns, encoding: input.encoding });
    return summary;
  },

  'sequences:list': (_, ctx) => listSequences(ctx),
  'sequences:get': (input, ctx) => getSequence(ctx, input.id),
  'sequences:create': (input, ctx) => createSequence(ctx, input),
  'sequences:update': (input, ctx) => updateSequence(ctx, input.id, input),
  'sequences:enrollments': (input, ctx) => {
    sequenceRow(ctx, input.sequenceId);
    return listEnrollments(ctx, { ...input, sequenceId: parseSequenceId(input.sequenceId) });
  },
  'sequences:add': (input, ctx) => addToSequence(ctx, input.sequenceId, input.emails),
  'sequences:addCsv': async (input, ctx) => {
    sequenceRow(ctx, input.sequenceId);
    const { emails, ...imported } = await importContacts(ctx, input.csv, { columns: input.columns, encoding: input.encoding, keepEmails: true });
    const added = emails.length > 0 ? await addToSequence(ctx, input.sequenceId, emails) : { added: 0, alreadyEnrolled: 0, flagged: [] };
    return { ...added, import: imported };
  },

  'enrollments:remove': (input, ctx) => ({ removed: removeEnrollments(ctx, input.ids) }),
  'enrollments:markReplied': (input, ctx) => ({ recorded: markReplied(ctx, input.ids) }),
  'enrollments:resync': (input, ctx) => ({ queued: resync(ctx, input) }),
  'enrollments:clear': (input, ctx) => ({ cleared: clearByIds(ctx, input.ids) }),
  'enrollments:retry': (input, ctx) => ({ queued: retry(ctx, input.ids) }),
  'replies:record': (input, ctx) => ({ recorded: recordReply(ctx, input.email, input.sequenceId) }),
  'errors:clear': (input, ctx) => ({ cleared: clearByEmail(ctx, input.email, input.sequenceId) }),
};
