import { Button, Stack, Text, Title } from '@mantine/core';
import { href } from './hooks/useRoute';
import { ActivityScreen } from './screens/activity/ActivityScreen';
import { ContactsScreen } from './screens/contacts/ContactsScreen';
import { ErrorsScreen } from './screens/errors/ErrorsScreen';
import { QueueScreen } from './screens/queue/QueueScreen';
import { SequenceScreen } from './screens/sequences/SequenceScreen';
import { SequencesScreen } from './screens/sequences/SequencesScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';

export function Routes({ route }: { route: string[] }) {
  const [screen, a, b] = route;
  switch (screen) {
    case 'sequences':
      return a ? <SequenceScreen key={a} id={a} tab={b === 'syncing' ? 'syncing' : 'contacts'} /> : <SequencesScreen />;
    case 'contacts':
      return <ContactsScreen openEmail={a ?? null} />;
    case 'queue':
      return <QueueScreen />;
    case 'errors':
      return <ErrorsScreen />;
    case 'activity':
      return <ActivityScreen />;
    case 'settings':
      return <SettingsScreen tab={a ?? 'connection'} />;
    default:
      return (
        <Stack align="flex-start">
          <Title order={1} size="h2" id="main-heading" tabIndex={-1}>
            Page not found
          </Title>
          <Text>There is no screen at this address.</Text>
          <Button component="a" href={href('/sequences')}>
            Go to Sequences
          </Button>
        </Stack>
      );
  }
}
