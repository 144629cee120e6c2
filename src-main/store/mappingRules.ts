// The versioned field-mapping rules (`mapping_rules`): the only module that writes them. A change never
// rewrites a version: it adds the next one, so enrollments keep the rules they were captured with.
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../backend/context';
import { mappingRules } from '../db/schema';

type Rule = Pick<typeof mappingRules.$inferSelect, 'source' | 'target' | 'write'>;

/** The rules of one version, in order. */
export function rulesOfVersion(ctx: Pick<Ctx, 'db'>, userId: number, version: number): Rule[] {
  return ctx.db
    .select({ source: mappingRules.source, target: mappingRules.target, write: mappingRules.write })
    .from(mappingRules)
    .where(and(eq(mappingRules.userId, userId), eq(mappingRules.version, version)))
    .orderBy(asc(mappingRules.position))
    .all();
}

/** Writes the rules of a new version (the caller holds the transaction and moves the user's version). */
export function insertRules(ctx: Pick<Ctx, 'db'>, userId: number, version: number, rules: Rule[]): void {
  rules.forEach((rule, position) =>
    ctx.db
      .insert(mappingRules)
      .values({ userId, version, position, ...rule })
      .run(),
  );
}
