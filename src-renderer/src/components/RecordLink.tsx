// A Recruiterflow record id, as a link to the record where its web address pattern is known (Settings →
// Connection); plain text otherwise. The pattern is read once per mounted table through the settings query.
import { Anchor, Text } from '@mantine/core';
import { recordUrl } from '../../../src-shared/recordUrl';
import { useApiQuery } from '../hooks/useApiQuery';
import { SYNC_AS_LABELS } from '../lib/labels';

export function useRecordUrlPattern(): string {
  const settings = useApiQuery('settings:get', {}, { refetchOn: ['data:changed', 'connection:changed'], quiet: true });
  return settings.data?.recordUrlPattern ?? '';
}

export function RecordLink({
  id,
  type,
  pattern,
  showType = false,
}: {
  id: number | null;
  type: 'candidate' | 'contact' | null;
  pattern: string;
  showType?: boolean;
}) {
  if (id === null) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const kind = type ? SYNC_AS_LABELS[type] : 'Record';
  const url = recordUrl(pattern, type, id);
  const label = (
    <>
      #{id}
      {showType && (
        <Text span size="xs" c="dimmed">
          {' '}
          {kind.toLowerCase()}
        </Text>
      )}
    </>
  );
  return url ? (
    <Anchor
      size="sm"
      href={url}
      target="_blank"
      rel="noreferrer noopener"
      title={`Open ${kind.toLowerCase()} #${id} in Recruiterflow`}
      onClick={(e) => e.stopPropagation()}
    >
      {label}
    </Anchor>
  ) : (
    <Text size="sm" truncate title={`${kind} #${id} in Recruiterflow`}>
      {label}
    </Text>
  );
}
