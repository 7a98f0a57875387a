import { tz } from '@date-fns/tz';
import { stringify } from 'csv-stringify/sync';
import { format } from 'date-fns';
import { clockStatus } from '../domain/clocks.js';
import type { HelpRequestRecord, HelpRequestRegisterRecord } from '../domain/records.js';
import { CLOCK_KINDS } from '../domain/sla-policy.js';

/**
 * The register as a CSV file (RFC 4180 through csv-stringify: quoting, CRLF). One row per
 * request, times in the property's zone, one status column per clock. `escape_formulas` puts an
 * apostrophe before a cell starting with `=`, `+`, `-`, `@`, tab or CR (a description such as
 * "=HYPERLINK(…)" typed at the front desk must not run in the spreadsheet that opens it).
 */
export function registerCsv(
  register: HelpRequestRegisterRecord,
  propertyCode: string,
  requests: readonly HelpRequestRecord[],
  now: Date,
) {
  const local = (at: Date | null) =>
    at ? format(at, 'yyyy-MM-dd HH:mm', { in: tz(register.timeZone) }) : '';
  const header = [
    'number',
    'receivedAt',
    'type',
    'category',
    'channel',
    'urgent',
    'state',
    'contactName',
    'contactPhone',
    'unitId',
    'description',
    'ownerId',
    'assigneeIds',
    'outcome',
    'resolvedAt',
    'closedAt',
    ...CLOCK_KINDS.map((kind) => `clock${kind}`),
    'escalationLevel',
    'policyVersion',
    'archivedAt',
    'anonymisedAt',
  ];
  const rows = requests.map((r) => [
    r.number,
    local(r.createdAt),
    r.type,
    r.category,
    r.channel,
    r.urgent ? 'yes' : 'no',
    r.state,
    r.contact.name,
    r.contact.phone,
    r.unitId ?? '',
    r.description,
    r.ownerId,
    r.assigneeIds.join(' '),
    r.outcome ?? '',
    local(r.resolvedAt),
    local(r.closedAt),
    ...CLOCK_KINDS.map((kind) => {
      const clock = r.clocks.find((c) => c.kind === kind);
      return clock ? clockStatus(clock, now) : '';
    }),
    String(r.escalationLevel),
    r.policyVersion,
    local(r.register?.archivedAt ?? null),
    local(r.register?.anonymisedAt ?? null),
  ]);
  const content = stringify([header, ...rows], { record_delimiter: 'windows', escape_formulas: true });
  return {
    fileName: `register-${propertyCode}-${register.year}.csv`,
    contentType: 'text/csv; charset=utf-8',
    rows: rows.length,
    content: `\uFEFF${content}`,
  };
}
