import { Alert, Button, Stack, Text } from '@mantine/core';

/** What a screen shows instead of an endless spinner when its data could not be loaded. */
export function LoadError({ what, message, onRetry }: { what: string; message?: string; onRetry: () => void }) {
  return (
    <Alert color="red" variant="light" title={`Could not load ${what}`} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message ?? 'The Flowbridge backend did not answer.'} Your data is safe; try again in a moment.</Text>
        <Button size="xs" variant="default" onClick={onRetry}>
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}
