/** Where a message sits on the topics. */
export interface Position {
  topic: string;
  partition: number;
  /** A Kafka offset (64-bit, hence a string). */
  offset: string;
}

/** Where a position's partition has been folded up to: the next offset to fold, by `topic/partition`. */
export type FoldedUpTo = Readonly<Record<string, { nextOffset: string }>>;

export const samePosition = (a: Position, b: Position): boolean =>
  a.topic === b.topic && a.partition === b.partition && a.offset === b.offset;

/** True when the state holds this position: its partition was folded past it. */
export function holds(partitions: FoldedUpTo, position: Position): boolean {
  const progress = partitions[`${position.topic}/${position.partition}`];
  return progress !== undefined && BigInt(position.offset) < BigInt(progress.nextOffset);
}

/**
 * Whether an event read at `here` was already counted, given where its id was first recorded.
 *
 * The record is written before the state that folds it, so it alone proves nothing: the attempt
 * that wrote it may have died before the state write. The state decides. If it holds the
 * recorded position, the event was counted there and this copy (the outbox republishing it,
 * however many messages later) is a repeat. If not, that attempt never counted it: this copy is
 * folded now and the record moves here. The record at `here` itself is the first copy (its own
 * record, or one an attempt that crashed wrote for it).
 */
export function isRepeat(partitions: FoldedUpTo, recorded: Position | undefined, here: Position): boolean {
  return recorded !== undefined && !samePosition(recorded, here) && holds(partitions, recorded);
}
