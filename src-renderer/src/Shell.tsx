import { ActionIcon, AppShell, Burger, Group, Text, Tooltip } from '@mantine/core';
import { ContactEditHost } from './components/ContactEditModal';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { ActingAs } from './components/ActingAs';
import { ColorSchemeToggle } from './components/ColorSchemeToggle';
import { ProfilePrompt } from './components/ProfilePrompt';
import { IconKeyboard } from './components/Icons';
import { NavBar } from './components/NavBar';
import { ShortcutsModal } from './components/ShortcutsModal';
import { StatusBar } from './components/StatusBar';
import { AppStatusProvider, useAppStatus } from './hooks/useAppStatus';
import { useGlobalNotifications } from './hooks/useGlobalNotifications';
import { useGoHotkeys } from './hooks/useGoHotkeys';
import { useRoute } from './hooks/useRoute';
import { Routes } from './Routes';

function GlobalEffects() {
  useGlobalNotifications();
  return null;
}

function FirstStart() {
  const { info, refetchInfo } = useAppStatus();
  return info?.needsProfile ? <ProfilePrompt onSaved={refetchInfo} /> : null;
}

export function Shell() {
  const [navOpened, nav] = useDisclosure(false);
  const [helpOpened, help] = useDisclosure(false);
  const route = useRoute();
  useGoHotkeys(help.open);
  // A sequence's page is a screen of its own; its tabs (and the settings tabs) are not.
  useFocusHeadingOnScreenChange(route[0] === 'sequences' ? `sequences/${route[1] ?? ''}` : route[0]);
  return (
    <AppStatusProvider>
      <GlobalEffects />
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        Skip to main content
      </a>
      <AppShell
        header={{ height: 56 }}
        footer={{ height: 32 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Group gap="sm">
              <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
              <Text fw={750} size="lg" component="span">
                Flow
                <Text span c="indigo" inherit>
                  bridge
                </Text>
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="sm">
                Outreach → Recruiterflow
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <ActingAs />
              <Tooltip label="Keyboard shortcuts (?)">
                <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" onClick={help.open}>
                  <IconKeyboard />
                </ActionIcon>
              </Tooltip>
              <ColorSchemeToggle />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <NavBar active={route[0] ?? 'sequences'} onNavigate={nav.close} />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
          <FirstStart />
          <Routes route={route} />
        </AppShell.Main>
        <AppShell.Footer component="footer">
          <StatusBar />
        </AppShell.Footer>
      </AppShell>
      <ShortcutsModal opened={helpOpened} onClose={help.close} />
      <ContactEditHost />
    </AppStatusProvider>
  );
}

/**
 * When the screen changes (not on first load), move focus to its heading so keyboard and screen-reader users
 * land on it. A screen that is still loading gets its heading a moment later: wait for it (up to 3 s).
 */
function useFocusHeadingOnScreenChange(screen: string | undefined) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const focus = () => {
      const heading = document.getElementById('main-heading');
      heading?.focus({ preventScroll: false });
      return !!heading;
    };
    if (focus()) return;
    const observer = new MutationObserver(() => {
      if (focus()) observer.disconnect();
    });
    const main = document.getElementById('main-content') ?? document.body;
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 3000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [screen]);
}
