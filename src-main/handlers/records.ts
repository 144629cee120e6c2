// Contacts, sequences, enrollments, replies and flags.
import type { HandlerGroup } from '../backend/registry';
import { deleteContacts, getContact, listContacts, missingContacts } from '../domain/contacts';
import { updateContact } from '../domain/contactEdit';
import { importContacts, previewCsv } from '../domain/contactImport';
import { addToSequence } from '../domain/enroll';
import { clearByEmail, clearByIds, markReplied, recordReply, removeEnrollments, resync, retry } from '../domain/enrollmentActions';
import { listEnrollments } from '../domain/enrollmentQueries';
import { resolveByEmail, resolveFlags } from '../domain/flagResolution';
import { createSequence, getSequence, listSequences, parseSequenceId, sequenceRow, updateSequence } from '../domain/sequences';

export const recordHandlers: HandlerGroup = {
  'contacts:list': (input, ctx) => listContacts(ctx, input),
  'contacts:get': (input, ctx) => getContact(ctx, input.email),
  'contacts:update': (input, ctx) => updateContact(ctx, input.email, { fields: input.fields, extra: input.extra }),
  'contacts:missing': (input, ctx) => ({ missing: missingContacts(ctx, input.emails) }),
  'contacts:delete': (input, ctx) => deleteContacts(ctx, input),
  'contacts:csvPreview': (input) => previewCsv(input.csv),
  'contacts:import': (input, ctx) => {
    const { emails: _emails, ...summary } = importContacts(ctx, input.csv, input.columns);
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
  'sequences:add': (input, ctx) => addToSequence(ctx, input.sequenceId, input.emails, input.unknown),
  'sequences:addCsv': async (input, ctx) => {
    sequenceRow(ctx, input.sequenceId);
    const { emails, ...imported } = importContacts(ctx, input.csv, input.columns);
    const added = emails.length > 0 ? await addToSequence(ctx, input.sequenceId, emails) : { added: 0, alreadyEnrolled: 0, flagged: [] };
    return { ...added, import: imported };
  },

  'enrollments:remove': (input, ctx) => ({ removed: removeEnrollments(ctx, input.ids) }),
  'enrollments:markReplied': (input, ctx) => ({ recorded: markReplied(ctx, input.ids) }),
  'enrollments:resync': (input, ctx) => resync(ctx, input),
  'enrollments:clear': (input, ctx) => ({ cleared: clearByIds(ctx, input.ids) }),
  'enrollments:retry': (input, ctx) => retry(ctx, input.ids, { remap: input.remap, withoutField: input.withoutField }),
  'replies:record': (input, ctx) => ({ recorded: recordReply(ctx, input.email, input.sequenceId) }),
  'errors:clear': (input, ctx) => ({ cleared: clearByEmail(ctx, input.email, input.sequenceId) }),
  'enrollments:resolve': (input, ctx) => resolveFlags(ctx, input.ids, input.action, input.rfId),
  'errors:resolve': (input, ctx) => resolveByEmail(ctx, input.email, input.sequenceId, input.action, input.rfId),
};
