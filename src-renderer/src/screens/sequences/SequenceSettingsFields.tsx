// Sync mode, Sync as, Job and Disable Sync: the same four controls in "create sequence" and the Syncing tab.
import { Select, Stack, Switch } from '@mantine/core';
import type { Job, SequenceSettings, Settings } from '../../../../src-shared/domain';
import { jobName, jobOptions } from '../../lib/jobs';
import { SYNC_AS_LABELS, SYNC_MODE_LABELS } from '../../lib/labels';

export type SettingsDraft = SequenceSettings;

export function SequenceSettingsFields({
  value,
  onChange,
  jobs,
  defaults,
}: {
  value: SettingsDraft;
  onChange: (next: SettingsDraft) => void;
  jobs: Job[] | undefined;
  defaults: Settings | undefined;
}) {
  const inheritMode = defaults ? `Use account default (${SYNC_MODE_LABELS[defaults.syncMode].toLowerCase()})` : SYNC_MODE_LABELS.inherit;
  const inheritAs = defaults ? `Use account default (${SYNC_AS_LABELS[defaults.syncAs].toLowerCase()})` : SYNC_AS_LABELS.inherit;
  const inheritJob = defaults
    ? `Use account default (${defaults.defaultJobId == null ? 'no job' : jobName(jobs, defaults.defaultJobId)})`
    : 'Use account default';
  return (
    <Stack gap="sm">
      <Select
        label="Sync mode"
        description="When contacts of this sequence are sent to Recruiterflow."
        allowDeselect={false}
        value={value.syncMode}
        onChange={(v) => v && onChange({ ...value, syncMode: v })}
        data={[
          { value: 'inherit', label: inheritMode },
          { value: 'off', label: SYNC_MODE_LABELS.off },
          { value: 'on-add', label: SYNC_MODE_LABELS['on-add'] },
          { value: 'on-reply', label: SYNC_MODE_LABELS['on-reply'] },
        ]}
        disabled={value.disableSync}
      />
      <Select
        label="Sync as"
        description="The kind of Recruiterflow record that is created."
        allowDeselect={false}
        value={value.syncAs}
        onChange={(v) => v && onChange({ ...value, syncAs: v })}
        data={[
          { value: 'inherit', label: inheritAs },
          { value: 'candidate', label: SYNC_AS_LABELS.candidate },
          { value: 'contact', label: SYNC_AS_LABELS.contact },
        ]}
        disabled={value.disableSync}
      />
      <Select
        label="Job"
        description={
          jobs && jobs.length === 0
            ? 'No Recruiterflow jobs are cached yet: connect in Settings to pick one.'
            : 'Candidates are added to this Recruiterflow job. Open jobs are listed first.'
        }
        allowDeselect={false}
        searchable
        nothingFoundMessage="No job with that name"
        value={String(value.jobId)}
        onChange={(v) => v && onChange({ ...value, jobId: v === 'inherit' ? 'inherit' : Number(v) })}
        data={jobOptions(jobs, [{ value: 'inherit', label: inheritJob }])}
        disabled={value.disableSync}
      />
      <Switch
        label="Disable Sync"
        description="Contacts added to this sequence are never sent to Recruiterflow."
        checked={value.disableSync}
        onChange={(e) => onChange({ ...value, disableSync: e.currentTarget.checked })}
      />
    </Stack>
  );
}
