import { Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../hooks/useRoute';
import { ConnectionPanel } from './ConnectionPanel';
import { DefaultsPanel } from './DefaultsPanel';
import { MailboxPanel } from './mailbox/MailboxPanel';
import { MappingEditor } from './mapping/MappingEditor';
import { TeamPanel } from './team/TeamPanel';

const TABS = [
  ['connection', 'Recruiterflow connection'],
  ['defaults', 'Sync defaults'],
  ['mapping', 'Field mapping'],
  ['team', 'Team'],
  ['mailbox', 'Mailbox'],
] as const;

export function SettingsScreen({ tab }: { tab: string }) {
  const current = TABS.some(([t]) => t === tab) ? tab : 'connection';
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your Recruiterflow connection, the defaults new sequences inherit, how fields map, and your team."
      />
      <Tabs value={current} onChange={(v) => v && navigate(`/settings/${v}`)} keepMounted={false}>
        <Tabs.List mb="lg">
          {TABS.map(([value, label]) => (
            <Tabs.Tab key={value} value={value}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="connection">
          <ConnectionPanel />
        </Tabs.Panel>
        <Tabs.Panel value="defaults">
          <DefaultsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="mapping">
          <MappingEditor />
        </Tabs.Panel>
        <Tabs.Panel value="team">
          <TeamPanel />
        </Tabs.Panel>
        <Tabs.Panel value="mailbox">
          <MailboxPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
