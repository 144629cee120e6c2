import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { initApi } from './api/getApi';
import { getUnauthorized, subscribeUnauthorized } from './api/unauthorized';
import { AccessMessage } from './components/AccessMessage';
import { Shell } from './Shell';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme';

const api = initApi();

export function App() {
  const [refused, setRefused] = useState<string | null>(getUnauthorized());
  useEffect(() => subscribeUnauthorized(setRefused), []);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
    >
      {/* Bottom right, above the status bar (global.css): at the top right a toast covered the page's own
          actions (Export, Sync now), and one under the pointer stays open, so the button stayed out of reach. */}
      <Notifications position="bottom-right" limit={5} />
      {!api ? (
        <AccessMessage reason="This page was opened without its access token." />
      ) : refused ? (
        <AccessMessage reason={`${refused} The server may have been restarted with a new token.`} />
      ) : (
        <Shell />
      )}
    </MantineProvider>
  );
}
