// The evidence of a "Possible match in Recruiterflow": a record that has the contact's LinkedIn URL or
// phone, under other emails. Its name, emails and id, and which field matched, so the recruiter can tell
// the same person from a namesake before linking or creating.
import { Stack, Text } from '@mantine/core';
import type { FlagMatch } from '../../../src-shared/domain';

const FIELD = { linkedin: 'LinkedIn URL', phone: 'phone' } as const;

export function PossibleMatchEvidence({ matches }: { matches: FlagMatch[] }) {
  return (
    <Stack gap={6} aria-label="Matched records">
      {matches.map((m) => (
        <Stack key={`${m.type}${m.id}`} gap={0} p={6} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6 }}>
          <Text size="sm" fw={600}>
            {m.type === 'candidate' ? 'Candidate' : 'Contact'} #{m.id}
            {m.name ? ` · ${m.name}` : ''}
          </Text>
          <Text size="xs">Emails: {m.emails.length ? m.emails.join(', ') : 'none'}</Text>
          <Text size="xs" c="dimmed">
            Matched on the {m.matchedOn ? FIELD[m.matchedOn] : 'email'}
            {m.matchedValue ? ` ${m.matchedValue}` : ''}, not on {m.matchedEmail}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
