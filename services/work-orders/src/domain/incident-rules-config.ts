import {
  DomainError,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { z } from 'zod';
import { STAFF_ADMIN_ROLES } from './access.js';
import { CATEGORY_CODES, type Category } from './catalogue.js';
import { INCIDENT_GRADES, type IncidentRuleRecord } from './incident-rules.js';
import type { PropertyRecord } from './records.js';

const threshold = z.number().int().min(1).max(1000);
const rulesInput = z.object({
  rules: z
    .array(
      z.object({
        group: z
          .string()
          .trim()
          .regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'must be an upper-case name such as KEY_SERVICE'),
        categories: z.array(z.enum(CATEGORY_CODES as [Category, ...Category[]])).max(CATEGORY_CODES.length),
        regularThreshold: threshold,
        vipThreshold: threshold,
        grade: z.enum(INCIDENT_GRADES),
      }),
    )
    .min(1)
    .max(20),
});

/**
 * Replaces a property's burst-detection groups (seed 001-G's are the default): office directors
 * and general managers only. Each category in at most one group and at most one catch-all group
 * (no categories), so a complaint always knows its thresholds; every problem at once otherwise.
 */
export function setIncidentRules(
  property: PropertyRecord,
  input: unknown,
  context: CommandContext,
): Decision<PropertyRecord> {
  requireStaffOf(context.actor, property._id, STAFF_ADMIN_ROLES, 'change incident thresholds');
  const { rules } = parseInput(rulesInput, input);
  const problems: Array<{ path: string; message: string }> = [];
  const seen = new Map<string, string>();
  rules.forEach((rule, i) => {
    if (rules.findIndex((other) => other.group === rule.group) !== i)
      problems.push({ path: `rules.${i}.group`, message: `group ${rule.group} is named twice` });
    for (const category of rule.categories) {
      const other = seen.get(category);
      if (other)
        problems.push({ path: `rules.${i}.categories`, message: `${category} is already in ${other}` });
      seen.set(category, rule.group);
    }
  });
  if (rules.filter((rule) => rule.categories.length === 0).length > 1)
    problems.push({
      path: 'rules',
      message: 'at most one group may take every other category (no categories)',
    });
  if (problems.length > 0)
    throw new DomainError(
      'BAD_USER_INPUT',
      'VALIDATION_FAILED',
      `Invalid input: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
      { fields: problems },
    );
  const incidentRules: IncidentRuleRecord[] = rules;
  return { record: { ...property, incidentRules }, events: [] };
}
