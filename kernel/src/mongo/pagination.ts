import type { FilterQuery, Model, PipelineStage } from 'mongoose';
import { DomainError } from '../errors.js';
import { WITHOUT_OUTBOX } from './loaders.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  /** Counted only when a client asks for it. */
  totalCount: () => Promise<number>;
}

/** The Relay connection specification's PageInfo. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

interface Keyed {
  _id: string;
  createdAt: Date;
}

const encode = (doc: Keyed) =>
  Buffer.from(JSON.stringify([doc.createdAt.toISOString(), doc._id])).toString('base64url');

function decode(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw new DomainError(
      'BAD_USER_INPUT',
      'INVALID_CURSOR',
      'The `after` cursor is not one this API issued',
    );
  }
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'INVALID_PAGE_SIZE',
      `first must be between 1 and ${MAX_PAGE_SIZE}`,
      {
        first: size,
      },
    );
  }
  return size;
}

/**
 * Keyset pagination, newest first, on (createdAt, _id): stable while records are added, one
 * query per page (plus one count only when `totalCount` is selected); pending outboxes are
 * projected out. `join`: aggregation stages run on the page's records in the same command (a
 * `$lookup` of their relations, so a page and what it shows cost one round trip); the page is
 * still matched, sorted and limited first, off the same index, and `toNode` takes the joined
 * fields off (every joined stage must project out the outboxes it brings in). `countedAs`:
 * disjoint filters whose matches add up to `filter`'s, counted one by one and summed for
 * `totalCount`, where `filter` holds an `$or` no index answers a count of (a read rule's "the
 * property's open requests, or mine"): each part can be counted in an index range.
 */
export async function paginate<D extends Keyed, T>(
  model: Model<D>,
  filter: FilterQuery<D>,
  args: PageArgs,
  toNode: (doc: D) => T,
  { join = [], countedAs = [filter] }: { join?: PipelineStage[]; countedAs?: FilterQuery<D>[] } = {},
): Promise<Connection<T>> {
  const size = pageSize(args.first);
  const position = args.after ? decode(args.after) : null;
  const query: FilterQuery<D> = position
    ? ({
        $and: [
          filter,
          {
            $or: [
              { createdAt: { $lt: position.createdAt } },
              { createdAt: position.createdAt, _id: { $lt: position.id } },
            ],
          },
        ],
      } as FilterQuery<D>)
    : filter;
  const docs = (
    join.length === 0
      ? await model
          .find(query, WITHOUT_OUTBOX)
          .sort({ createdAt: -1, _id: -1 })
          .limit(size + 1)
          .lean()
      : await model.aggregate([
          { $match: query },
          { $sort: { createdAt: -1, _id: -1 } },
          { $limit: size + 1 },
          { $project: WITHOUT_OUTBOX },
          ...join,
        ])
  ) as D[];
  const { page, pageInfo } = pageOf(docs, size, args.after);
  return {
    edges: page.map((doc) => ({ cursor: encode(doc), node: toNode(doc) })),
    pageInfo,
    totalCount: () => countDisjoint(model, countedAs),
  };
}

/**
 * How many documents match any of `parts`, which are disjoint (no document matches two): each
 * counted on its own, so each can be an index's range where their `$or` would be read document
 * by document, and summed.
 */
export async function countDisjoint<D>(model: Model<D>, parts: FilterQuery<D>[]): Promise<number> {
  const counts = await Promise.all(parts.map((part) => model.countDocuments(part).exec()));
  return counts.reduce((sum, count) => sum + count, 0);
}

/**
 * One page of what was read (asked for `size + 1`, so one more record means a next page).
 * Pages go forward only: `hasPreviousPage` is true when the page was asked for `after` a cursor,
 * which names a record this API already returned before it (the Relay specification lets a
 * forward-paginating server answer it this way rather than pay a query to look back).
 */
export function pageOf<D extends Keyed>(
  docs: readonly D[],
  size: number,
  after: string | null | undefined,
): { page: D[]; pageInfo: PageInfo } {
  const page = docs.slice(0, size);
  const first = page.at(0);
  const last = page.at(-1);
  return {
    page,
    pageInfo: {
      hasNextPage: docs.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: first ? encode(first) : null,
      endCursor: last ? encode(last) : null,
    },
  };
}
