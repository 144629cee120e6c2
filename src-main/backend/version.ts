import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findUp } from './paths';

/** The version in package.json (the app's, wherever the code runs from). */
export function appVersion(): string {
  const root = findUp('package.json');
  if (!root) return '0.0.0';
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
