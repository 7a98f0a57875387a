import type { FilterQuery, Model } from 'mongoose';
import { DomainError } from '../errors.js';
import { WITHOUT_OUTBOX } from './loaders.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when a client asks for it. */
  totalCount: () => Promise<number>;
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
 * projected out.
 */
export async function paginate<D extends Keyed, T>(
  model: Model<D>,
  filter: FilterQuery<D>,
  args: PageArgs,
  toNode: (doc: D) => T,
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
  const docs = (await model
    .find(query, WITHOUT_OUTBOX)
    .sort({ createdAt: -1, _id: -1 })
    .limit(size + 1)
    .lean()) as D[];
  const page = docs.slice(0, size);
  const last = page.at(-1);
  return {
    edges: page.map((doc) => ({ cursor: encode(doc), node: toNode(doc) })),
    pageInfo: { hasNextPage: docs.length > size, endCursor: last ? encode(last) : null },
    totalCount: () => model.countDocuments(filter).exec(),
  };
}
