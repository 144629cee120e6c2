import { Accordion, ScrollArea, Table, Text } from '@mantine/core';
import type { TargetIndex } from './targets';

/** Every Recruiterflow field Flowbridge can fill, with its type, object and choices. */
export function FieldReference({ index }: { index: TargetIndex }) {
  const rows = [...index.entries()].flatMap(([target, defs]) => defs.map((d) => ({ target, ...d })));
  return (
    <Accordion variant="contained">
      <Accordion.Item value="fields">
        <Accordion.Control>Recruiterflow fields and their types ({rows.length})</Accordion.Control>
        <Accordion.Panel>
          <ScrollArea.Autosize mah={360} type="auto">
            <Table verticalSpacing={4} aria-label="Recruiterflow fields">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Field</Table.Th>
                  <Table.Th>Target name</Table.Th>
                  <Table.Th>Object</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Choices</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={`${r.target}:${r.object}`}>
                    <Table.Td>{r.label}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {r.target}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.object}</Table.Td>
                    <Table.Td>{r.type}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{r.choices.join(', ') || '—'}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
