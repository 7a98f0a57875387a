import DataLoader from 'dataloader';
import {
  notFound,
  paginate,
  propertyScopeFilter,
  WITHOUT_OUTBOX,
  type Caller,
  type PageArgs,
} from '@courtyard/kernel';
import type { FilterQuery } from 'mongoose';
import { canReadIncident, incidentsReadableBy } from '../domain/incident-visibility.js';
import type { IncidentRecord, IncidentState } from '../domain/records.js';
import type { WorkOrdersModels } from './models.js';

const QUEUE_LIMIT = 200;

export interface IncidentFilter {
  propertyId: string;
  states?: readonly IncidentState[] | null;
  category?: string | null;
  grade?: string | null;
}

/** Every incident read, each returning only what the caller may read (never a pending outbox). */
export class IncidentsReads {
  /** Per request: the incident a request belongs to, batched over a page of requests. */
  private readonly byRequest: DataLoader<string, IncidentRecord | null>;

  constructor(private readonly models: WorkOrdersModels) {
    this.byRequest = new DataLoader(async (ids) => {
      const docs = (await models.Incident.find(
        { helpRequestIds: { $in: [...ids] } },
        WITHOUT_OUTBOX,
      ).lean()) as IncidentRecord[];
      return ids.map((id) => docs.find((doc) => doc.helpRequestIds.includes(id)) ?? null);
    });
  }

  /** One incident, or NOT_FOUND (also when the caller may not read it). */
  async incident(caller: Caller, id: string): Promise<IncidentRecord> {
    const incident = (await this.models.Incident.findOne(
      { _id: id },
      WITHOUT_OUTBOX,
    ).lean()) as IncidentRecord | null;
    if (!incident || !canReadIncident(caller, incident)) return notFound('Incident', id);
    return incident;
  }

  /** The incident a request was linked to; null when none or when the caller may not read it. */
  async incidentOf(caller: Caller, helpRequestId: string): Promise<IncidentRecord | null> {
    const incident = await this.byRequest.load(helpRequestId);
    return incident && canReadIncident(caller, incident) ? incident : null;
  }

  /** A property's incidents, newest first, by state, category and grade. */
  list(caller: Caller, filter: IncidentFilter, page: PageArgs) {
    const clauses: FilterQuery<IncidentRecord>[] = [
      incidentsReadableBy(caller) as FilterQuery<IncidentRecord>,
      { propertyId: filter.propertyId },
    ];
    if (filter.states?.length) clauses.push({ state: { $in: [...filter.states] } });
    if (filter.category) clauses.push({ category: filter.category });
    if (filter.grade) clauses.push({ grade: filter.grade });
    return paginate(this.models.Incident, { $and: clauses }, page, (doc) => doc);
  }

  /** Untaken incidents the escalation chain brought to the caller, or to their role when nobody was on duty. */
  async escalatedTo(caller: Caller): Promise<IncidentRecord[]> {
    return (await this.models.Incident.find(
      {
        $and: [
          incidentsReadableBy(caller) as FilterQuery<IncidentRecord>,
          {
            state: 'ESCALATED',
            $or: [
              { 'escalation.staffId': caller.subject },
              // Nobody of that role was on duty: the role's queue at the caller's properties.
              { 'escalation.staffId': null, 'escalation.role': caller.role, ...propertyScopeFilter(caller) },
            ],
          },
        ],
      },
      WITHOUT_OUTBOX,
    )
      .sort({ 'escalation.at': -1 })
      .limit(QUEUE_LIMIT)
      .lean()) as IncidentRecord[];
  }
}
