import { Center, Code, Paper, Stack, Text, Title } from '@mantine/core';

/** Full-page message when browser mode has no (valid) access token. */
export function AccessMessage({ reason }: { reason: string }) {
  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" maw={560} role="alert">
        <Stack gap="sm">
          <Title order={1} size="h3">
            Flowbridge needs its access link
          </Title>
          <Text>{reason}</Text>
          <Text>
            Open Flowbridge from the link printed by <Code>npm start</Code> / <Code>npm run cli -- serve</Code>: it carries the access token
            (<Code>http://127.0.0.1:PORT/#token=…</Code>).
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
