// Contacts, sequences, enrollments, replies and flags.
import type { HandlerGroup } from '../backend/registry';
import { deleteContacts, getContact, listContacts } from '../domain/contacts';
import { missingContacts } from '../store/contacts';
import { updateContact } from '../domain/contactEdit';
import { AppError } from '../../src-shared/result';
import { normalizeEmail } from '../../src-shared/domain';
import { fieldChangesOfEmail } from '../store/fieldChanges';
import { withLabels } from '../domain/mapping';
import { ImportCancelled, previewCsv } from '../domain/contactImport';
import type { BulkWriter } from '../bulk/bulkWriter';
import { clearByEmail, clearByIds, markReplied, recordReply, removeEnrollments, resync, retry } from '../domain/enrollmentActions';
import { listEnrollments } from '../store/enrollmentPages';
import { resolveByEmail, resolveFlags } from '../domain/flagResolution';
import { createSequence, getSequence, listSequences, parseSequenceId, sequenceRow, updateSequence } from '../domain/sequences';

/** Imports that can be cancelled, by the id the caller gave them. */
const runningImports = new Map<string, AbortController>();
function startImport(importId: string): AbortController {
  if (runningImports.has(importId)) throw new AppError('conflict', 'An import with this id is already running');
  const control = new AbortController();
  runningImports.set(importId, control);
  return control;
}

export function recordHandlers(bulk: BulkWriter): HandlerGroup {
  return {
    'contacts:list': (input, ctx) => listContacts(ctx, input),
    'contacts:get': (input, ctx) => getContact(ctx, input.email),
    'contacts:fieldChanges': (input, ctx) => withLabels(ctx, fieldChangesOfEmail(ctx.sqlite, normalizeEmail(input.email))),
    'contacts:update': (input, ctx) => updateContact(ctx, input.email, { fields: input.fields, extra: input.extra }),
    'contacts:missing': (input, ctx) => ({ missing: missingContacts(ctx, input.emails) }),
    'contacts:delete': (input, ctx) => deleteContacts(ctx, input),
    'contacts:csvPreview': (input) => previewCsv(input.csv),
    'contacts:import': async (input, ctx) => {
      const { importId } = input;
      const control = importId ? startImport(importId) : undefined;
      try {
        const { emails: _emails, ...summary } = await bulk.importContacts(
          { text: input.csv },
          {
            columns: input.columns,
            encoding: input.encoding,
            signal: control?.signal,
            onProgress: importId ? (rowsRead) => ctx.events.emit('import:progress', { importId, rowsRead }) : undefined,
          },
        );
        return summary;
      } catch (error) {
        if (error instanceof ImportCancelled) throw new AppError('conflict', error.message);
        throw error;
      } finally {
        if (importId) runningImports.delete(importId);
      }
    },
    'contacts:importCancel': (input) => {
      const control = runningImports.get(input.importId);
      control?.abort();
      return { cancelled: control !== undefined };
    },

    'sequences:list': (_, ctx) => listSequences(ctx),
    'sequences:get': (input, ctx) => getSequence(ctx, input.id),
    'sequences:create': (input, ctx) => createSequence(ctx, input),
    'sequences:update': (input, ctx) => updateSequence(ctx, input.id, input),
    'sequences:enrollments': (input, ctx) => {
      sequenceRow(ctx, input.sequenceId);
      return listEnrollments(ctx, { ...input, sequenceId: parseSequenceId(input.sequenceId) });
    },
    'sequences:add': (input) => bulk.addToSequence(input.sequenceId, input.emails, input.unknown),
    'sequences:addCsv': async (input, ctx) => {
      sequenceRow(ctx, input.sequenceId);
      const { emails, ...imported } = await bulk.importContacts(
        { text: input.csv },
        {
          columns: input.columns,
          encoding: input.encoding,
          keepEmails: true,
        },
      );
      const added = emails.length > 0 ? await bulk.addToSequence(input.sequenceId, emails) : { added: 0, alreadyEnrolled: 0, flagged: [] };
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
}
