import type { KafkaMessage, Producer } from 'kafkajs';

/** A message a consumer gave up on, where it was read, and why. */
export interface DeadLetter {
  message: Pick<KafkaMessage, 'key' | 'value' | 'offset'>;
  topic: string;
  partition: number;
  groupId: string;
  error: string;
}

/**
 * Publishes the original key and value unchanged, so an operator can inspect and re-publish it;
 * the headers say where it came from and why. Every consumer uses the same headers, so one
 * dead-letter reader serves them all. The error is cut short because headers travel with
 * every fetch of the message.
 */
export async function sendToDeadLetter(
  producer: Producer,
  deadLetterTopic: string,
  letter: DeadLetter,
): Promise<void> {
  await producer.send({
    topic: deadLetterTopic,
    acks: -1,
    messages: [
      {
        key: letter.message.key,
        value: letter.message.value,
        headers: {
          'x-original-topic': letter.topic,
          'x-original-partition': String(letter.partition),
          'x-original-offset': letter.message.offset,
          'x-consumer-group': letter.groupId,
          'x-error': letter.error.slice(0, 2000),
        },
      },
    ],
  });
}
