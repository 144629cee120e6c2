// A small hand-drawn SVG bar chart: synced and errors per day, with replies from the mailbox as a line.
import { Group, Text } from '@mantine/core';
import type { ActivityBucket } from '../../../../src-shared/contract';
import type { RepliesPerDay } from '../../../../src-shared/mailbox';
import { formatDay, formatNumber } from '../../lib/format';

const W = 760;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 36 };
const SYNCED = 'var(--mantine-color-teal-6)';
const ERRORS = 'var(--mantine-color-red-6)';
const REPLIES = 'var(--mantine-color-blue-6)';

export function ActivityChart({ buckets, replies = [] }: { buckets: ActivityBucket[]; replies?: RepliesPerDay[] }) {
  const repliesOn = new Map(replies.map((r) => [r.day, r.replies]));
  const replyCount = (day: string) => repliesOn.get(day) ?? 0;
  const totalReplies = replies.reduce((n, r) => n + r.replies, 0);
  const max = Math.max(1, ...buckets.flatMap((b) => [b.synced, b.errors, replyCount(b.day)]));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, buckets.length);
  const bar = Math.max(2, Math.min(18, slot / 2 - 3));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const totals = buckets.reduce((a, b) => ({ synced: a.synced + b.synced, errors: a.errors + b.errors }), { synced: 0, errors: 0 });
  const labelEvery = Math.ceil(buckets.length / 10);
  const ticks = [0, Math.round(max / 2), max].filter((v, i, arr) => arr.indexOf(v) === i);

  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={`Syncs, errors and replies per day over ${buckets.length} days: ${totals.synced} synced, ${totals.errors} errors, ${totalReplies} replies.`}
        style={{ display: 'block', maxHeight: 260 }}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(t)}
              y2={y(t)}
              stroke="var(--mantine-color-default-border)"
              strokeDasharray={t ? '3 3' : undefined}
            />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        {buckets.map((b, i) => {
          const cx = PAD.left + slot * i + slot / 2;
          return (
            <g key={b.day}>
              <rect x={cx - bar - 1} y={y(b.synced)} width={bar} height={Math.max(0, y(0) - y(b.synced))} fill={SYNCED} rx={2}>
                <title>{`${formatDay(b.day)}: ${b.synced} synced`}</title>
              </rect>
              <rect x={cx + 1} y={y(b.errors)} width={bar} height={Math.max(0, y(0) - y(b.errors))} fill={ERRORS} rx={2}>
                <title>{`${formatDay(b.day)}: ${b.errors} errors`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text x={cx} y={H - 8} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
                  {formatDay(b.day)}
                </text>
              )}
            </g>
          );
        })}
        {totalReplies > 0 && (
          <g data-testid="chart-replies">
            <polyline
              fill="none"
              stroke={REPLIES}
              strokeWidth={2}
              points={buckets.map((b, i) => `${PAD.left + slot * i + slot / 2},${y(replyCount(b.day))}`).join(' ')}
            />
            {buckets.map((b, i) => (
              <circle key={b.day} cx={PAD.left + slot * i + slot / 2} cy={y(replyCount(b.day))} r={3} fill={REPLIES}>
                <title>{`${formatDay(b.day)}: ${replyCount(b.day)} replies`}</title>
              </circle>
            ))}
          </g>
        )}
      </svg>
      {totals.synced + totals.errors === 0 && (
        <Text size="sm" c="dimmed" ta="center" mt={-8}>
          Nothing synced in this period yet.
        </Text>
      )}
      <figcaption>
        <Group gap="lg" mt={4}>
          <Legend color={SYNCED} label={`Synced (${formatNumber(totals.synced)})`} />
          <Legend color={ERRORS} label={`Errors (${formatNumber(totals.errors)})`} />
          {replies.length > 0 && <Legend color={REPLIES} label={`Replies (${formatNumber(totalReplies)})`} />}
        </Group>
      </figcaption>
    </figure>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6}>
      <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 3, background: color, display: 'inline-block' }} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
