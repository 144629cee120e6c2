// The exact requests a queue item will send to Recruiterflow (computed now, without sending anything).
import { Badge, Center, Code, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import type { QueueItem } from '../../../../src-shared/domain';
import { JsonBlock } from '../../components/JsonBlock';
import { useApiQuery } from '../../hooks/useApiQuery';

export function RequestPreviewModal({ item, onClose }: { item: QueueItem | null; onClose: () => void }) {
  const preview = useApiQuery('queue:preview', { id: item?.id ?? 1 }, { enabled: !!item });
  const plan = item && !preview.loading ? preview.data : undefined;
  return (
    <Modal opened={!!item} onClose={onClose} title={item ? `Requests for ${item.email}` : 'Requests'} size="xl">
      {!plan ? (
        <Center h={120}>
          {preview.error ? <Text c="red">{preview.error.message}</Text> : <Loader size="sm" aria-label="Loading requests" />}
        </Center>
      ) : (
        <Stack>
          <Text size="sm" data-testid="preview-summary">
            {plan.summary} Nothing has been sent yet.
          </Text>
          {plan.requests.length > 0 && (
            <ol style={{ margin: 0, paddingLeft: 20 }} aria-label="Planned requests">
              {plan.requests.map((r, i) => (
                <li key={i} style={{ marginBottom: 16 }}>
                  <Stack gap={6}>
                    <Group gap="xs">
                      <Badge variant="filled" color={r.method === 'GET' ? 'blue' : 'green'} radius="sm">
                        {r.method}
                      </Badge>
                      <Code>{r.path}</Code>
                      {r.conditional && (
                        <Badge variant="outline" color="gray" radius="sm">
                          only if needed
                        </Badge>
                      )}
                    </Group>
                    {r.note && (
                      <Text size="sm" c="dimmed">
                        {r.note}
                      </Text>
                    )}
                    {r.body !== undefined && r.body !== null && <JsonBlock value={r.body} label={`Body of request ${i + 1}`} />}
                  </Stack>
                </li>
              ))}
            </ol>
          )}
        </Stack>
      )}
    </Modal>
  );
}
