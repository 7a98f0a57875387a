import { signCallerToken, systemActor } from '@courtyard/kernel';
import type { ResolvedRequestDetails } from '../domain/after-service.js';

/** Where the `workorder.resolved.v1` reaction learns what its event lacks. */
export interface HelpRequestDirectory {
  detailsOf(helpRequestId: string): Promise<ResolvedRequestDetails>;
}

const QUERY = /* GraphQL */ `
  query SurveysResolvedRequest($id: ID!) {
    helpRequest(id: $id) {
      requester {
        id
      }
      assignees {
        id
      }
    }
  }
`;

interface Answer {
  data?: { helpRequest: { requester: { id: string } | null; assignees: Array<{ id: string }> } | null };
  errors?: Array<{ message: string }>;
}

/**
 * Asks the work-orders subgraph directly, as the surveys system actor signed like the gateway
 * signs a caller. A failure throws, so the consumer retries the event (bounded, then the
 * dead-letter topic): a survey is never opened with a guessed respondent.
 */
export function workOrdersDirectory(url: string, secret: string, timeoutMs = 5000): HelpRequestDirectory {
  return {
    async detailsOf(helpRequestId) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-courtyard-caller': await signCallerToken(systemActor('surveys'), secret),
        },
        body: JSON.stringify({ query: QUERY, variables: { id: helpRequestId } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const answer = (await response.json()) as Answer;
      const request = answer.data?.helpRequest;
      if (!request) {
        throw new Error(
          `work-orders did not return help request ${helpRequestId}: ${JSON.stringify(answer.errors ?? [])}`,
        );
      }
      return { requesterId: request.requester?.id ?? null, assigneeIds: request.assignees.map((a) => a.id) };
    },
  };
}
