import { Kafka, logLevel } from 'kafkajs';
import type { TappedEvent } from './events.js';
import { errorCodes, gql, gqlOk } from './graphql.js';
import { eventually } from './subgraph.js';
import type { registerStaff } from './work-orders.js';
import { act, recordHelpRequest, repairInput } from './work-orders.js';

export const SURVEY_FIELDS =
  'id state purpose templateId templateVersion category propertyId respondent { id } technicians { id } helpRequest { id } questions { id kind required } response { channel score satisfied recordedById answers { questionId score text choices } }';

export const KPI_FIELDS =
  'surveys responses satisfied satisfactionRate averageScore responseRate target meetsTarget minimumSample significant';

export interface SurveyView {
  id: string;
  state: string;
  respondent: { id: string } | null;
  technicians: Array<{ id: string }>;
  helpRequest: { id: string } | null;
  response: {
    channel: string;
    score: number | null;
    satisfied: boolean | null;
    recordedById: string | null;
  } | null;
  [field: string]: unknown;
}

/** Records a repair for `requesterId` and drives it to RESOLVED by `tech`; the request's id. */
export async function resolvedRepair(
  propertyId: string,
  requesterId: string,
  desk: Awaited<ReturnType<typeof registerStaff>>,
  tech: Awaited<ReturnType<typeof registerStaff>>,
): Promise<string> {
  const id = await recordHelpRequest(repairInput(propertyId, { requesterId }), desk.token);
  await act('acknowledgeHelpRequest', { id }, desk.token);
  await act('assignHelpRequest', { id, assigneeIds: [tech.id] }, desk.token);
  await act('startHelpRequestWork', { id }, tech.token);
  await act('resolveHelpRequest', { id, outcome: 'Replaced the joint and dried the ceiling' }, tech.token);
  return id;
}

/** Waits (bounded) until the request's satisfaction survey can be read, as staff would refresh. */
export async function untilSurveyOpened(helpRequestId: string, token: string): Promise<SurveyView> {
  return eventually(async () => {
    const { helpRequest } = await gqlOk<{ helpRequest: { satisfaction: SurveyView | null } }>(
      `query ($id: ID!) { helpRequest(id: $id) { satisfaction { ${SURVEY_FIELDS} } } }`,
      { id: helpRequestId },
      { token },
    );
    return helpRequest.satisfaction ?? undefined;
  }, 30_000);
}

export const ANSWER = /* GraphQL */ `
  mutation Answer($input: AnswerSurveyInput!) {
    answerSurvey(input: $input) { survey { ${SURVEY_FIELDS} } }
  }
`;

export const RECORD_BY_PHONE = /* GraphQL */ `
  mutation ByPhone($input: RecordSurveyByPhoneInput!) {
    recordSurveyByPhone(input: $input) { survey { ${SURVEY_FIELDS} } }
  }
`;

/** The refusal of an operation: its code and reason, and that it returned no data. */
export async function refusalOf(query: string, variables: Record<string, unknown>, token: string) {
  const result = await gql<Record<string, unknown>>(query, variables, { token });
  const reason = result.errors?.[0]?.extensions?.reason;
  return { code: errorCodes(result)[0], reason, data: result.data ?? null };
}

/** Until consumer group `groupId` has committed past `offset` on `topic`'s `partition`: it has processed it. */
export async function untilConsumed(
  groupId: string,
  topic: string,
  partition: number,
  offset: string,
): Promise<void> {
  const admin = new Kafka({
    clientId: 'surveys-e2e',
    brokers: process.env.KAFKA_BROKERS!.split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    await eventually(async () => {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const at = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
      return BigInt(at) > BigInt(offset);
    }, 30_000);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Delivers a tapped event again, as the broker does after a crash before the offset commit,
 * and waits until `groupId` has processed the copy.
 */
export async function replay(tapped: TappedEvent, topic: string, groupId: string): Promise<void> {
  const { kafka: position, ...event } = tapped;
  const producer = new Kafka({
    clientId: 'surveys-e2e',
    brokers: process.env.KAFKA_BROKERS!.split(','),
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
  try {
    const [sent] = await producer.send({
      topic,
      messages: [{ key: position.key, value: JSON.stringify(event) }],
    });
    if (sent?.partition !== position.partition) throw new Error('the replay went to another partition');
    await untilConsumed(groupId, topic, sent.partition, sent.baseOffset!);
  } finally {
    await producer.disconnect();
  }
}
