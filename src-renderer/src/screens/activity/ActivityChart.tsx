// A small hand-drawn SVG bar chart: synced and errors per day.
import { Group, Text } from '@mantine/core';
import type { ActivityBucket } from '../../../../src-shared/contract';
import { formatDay, formatNumber } from '../../lib/format';

const W = 760;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 36 };
const SYNCED = 'var(--mantine-color-teal-6)';
const ERRORS = 'var(--mantine-color-red-6)';

export function ActivityChart({ buckets }: { buckets: ActivityBucket[] }) {
  const max = Math.max(1, ...buckets.flatMap((b) => [b.synced, b.errors]));
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
        aria-label={`Syncs and errors per day over ${buckets.length} days: ${totals.synced} synced, ${totals.errors} errors.`}
        style={{ display: 'block', maxHeight: 260 }}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="var(--mantine-color-default-border)" strokeDasharray={t ? '3 3' : undefined} />
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
