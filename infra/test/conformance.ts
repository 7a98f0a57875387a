// Every MongoDB semantic the kernel and the repositories rely on, as one suite run against several
// servers: mongo-conformance.int.spec.ts (whatever MONGO_URL points at: the shared test server, or a
// real MongoDB) and mongo-conformance-h2.int.spec.ts (our launcher's H2 file backend, the `npm start`
// default, with its indexes). Nothing here asserts a quirk of the substitute server, except the one
// marked assertion about transactions. Background: /work/shared/research/infrastructure.md §B.0.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';

interface Event {
  id: string;
  type: string;
}

interface Aggregate {
  _id: string;
  version: number;
  state: string;
  outbox: Event[];
  history?: string[];
  writer?: number;
}

interface Counter {
  _id: string;
  seq: number;
}

interface UnitDoc {
  _id: string;
  email: string;
  tenantId: string;
  number: string;
}

interface Listed {
  _id: string;
  createdAt: Date;
  phone: string;
  state: string;
}

function duplicateKeyCode(error: unknown): number | undefined {
  return error instanceof mongoose.mongo.MongoServerError ? Number(error.code) : undefined;
}

async function expectDuplicateKey(write: Promise<unknown>): Promise<void> {
  let caught: unknown;
  try {
    await write;
  } catch (error) {
    caught = error;
  }
  expect(duplicateKeyCode(caught)).toBe(11000);
}

export function describeConformance(title: string, serverUrl: () => string | undefined): void {
  describe(title, () => {
    const dbName = `conformance_${Date.now()}_${randomUUID().slice(0, 8)}`;
    let connection: mongoose.Connection;
    let client: mongoose.mongo.MongoClient;
    let db: mongoose.mongo.Db;

    beforeAll(async () => {
      const url = serverUrl();
      if (!url)
        throw new Error('no server URL: MONGO_URL should have been set by the integration global setup');
      connection = await mongoose
        .createConnection(url, { dbName, autoIndex: false, autoCreate: false })
        .asPromise();
      client = connection.getClient();
      db = client.db(dbName);
    });

    afterAll(async () => {
      await db?.dropDatabase().catch(() => undefined);
      await connection?.close();
    });

    it('inserts a document and finds it by _id', async () => {
      const docs = db.collection<Aggregate>('basic');
      await docs.insertOne({ _id: 'a1', version: 1, state: 'new', outbox: [] });
      expect(await docs.findOne({ _id: 'a1' })).toEqual({ _id: 'a1', version: 1, state: 'new', outbox: [] });
      expect(await docs.findOne({ _id: 'nope' })).toBeNull();
    });

    describe('unique indexes declared on a mongoose model', () => {
      const schema = new mongoose.Schema<UnitDoc>(
        {
          _id: String,
          email: { type: String, required: true },
          tenantId: { type: String, required: true },
          number: { type: String, required: true },
        },
        { versionKey: false },
      );
      schema.index({ email: 1 }, { unique: true });
      schema.index({ tenantId: 1, number: 1 }, { unique: true });

      let units: mongoose.mongo.Collection<UnitDoc>;

      beforeAll(async () => {
        const Unit = connection.model<UnitDoc>('Unit', schema, 'units');
        // syncIndexes is what a service runs at start; running createIndexes after it must be a no-op.
        await Unit.syncIndexes();
        await Unit.createIndexes();
        units = db.collection<UnitDoc>('units');
        await units.insertOne({ _id: 'u1', email: 'a@example.com', tenantId: 't1', number: '101' });
        await units.insertOne({ _id: 'u2', email: 'b@example.com', tenantId: 't1', number: '102' });
      });

      it('rejects a duplicate single-field key with 11000, on insert and through an update', async () => {
        await expectDuplicateKey(
          units.insertOne({ _id: 'u3', email: 'a@example.com', tenantId: 't2', number: '1' }),
        );
        await expectDuplicateKey(units.updateOne({ _id: 'u2' }, { $set: { email: 'a@example.com' } }));
        expect(await units.findOne({ _id: 'u2' })).toMatchObject({ email: 'b@example.com' });
        expect(await units.countDocuments()).toBe(2);
      });

      it('rejects a duplicate compound key with 11000, on insert and through an update', async () => {
        await expectDuplicateKey(
          units.insertOne({ _id: 'u4', email: 'c@example.com', tenantId: 't1', number: '101' }),
        );
        await expectDuplicateKey(units.updateOne({ _id: 'u2' }, { $set: { number: '101' } }));
        // Same number under another tenant is a different key.
        await units.insertOne({ _id: 'u5', email: 'd@example.com', tenantId: 't2', number: '101' });
        expect(await units.countDocuments({ number: '101' })).toBe(2);
      });
    });

    describe('secondary indexes declared on a mongoose model (the forms the services declare)', () => {
      interface Ticket {
        _id: string;
        propertyId: string;
        state: string;
        createdAt: Date;
        dueAt: Date;
        assigneeIds: string[];
        contact: { phone: string };
        outbox: Event[];
      }
      const schema = new mongoose.Schema<Ticket>(
        {
          _id: String,
          propertyId: String,
          state: String,
          createdAt: Date,
          dueAt: Date,
          assigneeIds: [String],
          contact: { phone: String },
          outbox: [mongoose.Schema.Types.Mixed],
        },
        { versionKey: false },
      );
      // Non-unique compound with mixed directions, multikey (an array field), a nested path, and
      // sparse on the outbox's first element: what the services' models.ts declare.
      schema.index({ propertyId: 1, state: 1, createdAt: -1, _id: -1 });
      schema.index({ assigneeIds: 1, state: 1, dueAt: 1 });
      schema.index({ propertyId: 1, 'contact.phone': 1 });
      schema.index({ 'outbox.0': 1 }, { sparse: true, name: 'outbox_pending' });

      const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 8, minutes));
      const tickets: Ticket[] = Array.from({ length: 12 }, (_, i) => ({
        _id: `t${String(i).padStart(2, '0')}`,
        propertyId: i % 2 === 0 ? 'p1' : 'p2',
        state: ['OPEN', 'ASSIGNED', 'CLOSED'][i % 3]!,
        createdAt: at(i % 4),
        dueAt: at(60 - i),
        assigneeIds: i % 3 === 1 ? ['tech-1', `tech-${i}`] : [],
        contact: { phone: `138000${String(i).padStart(5, '0')}` },
        outbox: i % 5 === 0 ? [{ id: `e${i}`, type: 'T' }] : [],
      }));
      let docs: mongoose.mongo.Collection<Ticket>;

      beforeAll(async () => {
        const Ticket = connection.model<Ticket>('Ticket', schema, 'tickets');
        // What createModels runs at every start: the second run must be a no-op, not an error.
        await Ticket.createIndexes();
        await Ticket.createIndexes();
        docs = db.collection<Ticket>('tickets');
        await docs.insertMany(tickets);
      });

      it('creates them: every declared index is listed', async () => {
        const names = (await docs.listIndexes().toArray()).map((index) => String(index.name));
        expect(names).toEqual(
          expect.arrayContaining([
            'propertyId_1_state_1_createdAt_-1__id_-1',
            'assigneeIds_1_state_1_dueAt_1',
            'propertyId_1_contact.phone_1',
            'outbox_pending',
          ]),
        );
      });

      it('answers a list by property and states, newest first, as without them', async () => {
        const found = await docs
          .find({ propertyId: 'p1', state: { $in: ['OPEN', 'ASSIGNED'] } })
          .sort({ createdAt: -1, _id: -1 })
          .toArray();
        const expected = tickets
          .filter((t) => t.propertyId === 'p1' && ['OPEN', 'ASSIGNED'].includes(t.state))
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1));
        expect(found.map((t) => t._id)).toEqual(expected.map((t) => t._id));
      });

      it('answers a queue by one element of an array field, soonest due first', async () => {
        const found = await docs
          .find({ assigneeIds: 'tech-1', state: { $in: ['ASSIGNED'] } })
          .sort({ dueAt: 1 })
          .toArray();
        const expected = tickets
          .filter((t) => t.assigneeIds.includes('tech-1'))
          .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
        expect(expected.length).toBeGreaterThan(1);
        expect(found.map((t) => t._id)).toEqual(expected.map((t) => t._id));
      });

      it('answers a phone-suffix search within a property and the outbox sweep', async () => {
        const bySuffix = await docs
          .find({ propertyId: 'p2', 'contact.phone': { $regex: '00007$' } })
          .toArray();
        expect(bySuffix.map((t) => t._id)).toEqual(['t07']);
        const pending = await docs
          .find({ 'outbox.0': { $exists: true } }, { projection: { _id: 1 } })
          .toArray();
        expect(pending.map((t) => t._id).sort()).toEqual(['t00', 't05', 't10']);
      });
    });

    it('applies $set, $inc and $push $each in one version-checked update, and matches nothing for a stale version', async () => {
      const docs = db.collection<Aggregate>('versioned');
      await docs.insertOne({ _id: 'v1', version: 1, state: 'draft', outbox: [] });

      const ok = await docs.updateOne(
        { _id: 'v1', version: 1 },
        {
          $set: { state: 'submitted' },
          $inc: { version: 1 },
          $push: {
            outbox: {
              $each: [
                { id: 'e1', type: 'Submitted' },
                { id: 'e2', type: 'Noted' },
              ],
            },
          },
        },
      );
      expect(ok.matchedCount).toBe(1);
      expect(ok.modifiedCount).toBe(1);

      const stale = await docs.updateOne(
        { _id: 'v1', version: 1 },
        {
          $set: { state: 'lost' },
          $inc: { version: 1 },
          $push: { outbox: { $each: [{ id: 'e3', type: 'Lost' }] } },
        },
      );
      expect(stale.matchedCount).toBe(0);
      expect(stale.modifiedCount).toBe(0);

      expect(await docs.findOne({ _id: 'v1' })).toEqual({
        _id: 'v1',
        version: 2,
        state: 'submitted',
        outbox: [
          { id: 'e1', type: 'Submitted' },
          { id: 'e2', type: 'Noted' },
        ],
      });
    });

    describe('a reaction recorded with its effect (causedBy)', () => {
      interface Reacted {
        _id: string;
        version: number;
        count: number;
        causedBy?: string[];
      }
      const react = (docs: mongoose.mongo.Collection<Reacted>, version: number, eventId: string) =>
        docs.updateOne(
          { _id: 'r1', version, causedBy: { $ne: eventId } },
          {
            $set: { count: version },
            $inc: { version: 1 },
            $push: { causedBy: { $each: [eventId], $slice: -3 } },
          },
        );

      it('matches $ne on an absent array field, and not once the array holds the value', async () => {
        const docs = db.collection<Reacted>('reacted');
        await docs.insertOne({ _id: 'r1', version: 1, count: 0 });
        expect((await react(docs, 1, 'e1')).matchedCount).toBe(1);
        // The replay reads the new version, so only the causation filter can stop it.
        expect((await react(docs, 2, 'e1')).matchedCount).toBe(0);
        expect((await react(docs, 2, 'e2')).matchedCount).toBe(1);
        expect(await docs.findOne({ _id: 'r1' })).toEqual({
          _id: 'r1',
          version: 3,
          count: 2,
          causedBy: ['e1', 'e2'],
        });
      });

      it('keeps only the last N entries with $push $each $slice (negative)', async () => {
        const docs = db.collection<Reacted>('reacted');
        for (const [version, eventId] of [
          [3, 'e3'],
          [4, 'e4'],
        ] as const) {
          expect((await react(docs, version, eventId)).matchedCount).toBe(1);
        }
        expect((await docs.findOne({ _id: 'r1' }))?.causedBy).toEqual(['e2', 'e3', 'e4']);
      });

      it('finds the causation id in the array with a projection of that field', async () => {
        const docs = db.collection<Reacted>('reacted');
        expect(await docs.findOne({ _id: 'r1' }, { projection: { causedBy: 1 } })).toEqual({
          _id: 'r1',
          causedBy: ['e2', 'e3', 'e4'],
        });
      });

      // The versioned cache (kernel VersionedCache): a version alone, then the document without its outbox.
      it('reads a document as its version alone, and whole but for one excluded field', async () => {
        const docs = db.collection<Reacted & { outbox?: unknown[] }>('reacted');
        await docs.insertOne({ _id: 'v1', version: 7, count: 1, outbox: [{ id: 'e' }] });
        expect(await docs.findOne({ _id: 'v1' }, { projection: { version: 1 } })).toEqual({
          _id: 'v1',
          version: 7,
        });
        expect(await docs.findOne({ _id: 'v1' }, { projection: { outbox: 0 } })).toEqual({
          _id: 'v1',
          version: 7,
          count: 1,
        });
        expect(await docs.findOne({ _id: 'absent' }, { projection: { version: 1 } })).toBeNull();
      });

      // A reaction inside a keyed request guards on its causation id and the key's stamp at once.
      it('matches $nin of several on an absent array field, and not once the array holds any of them', async () => {
        const docs = db.collection<Reacted>('reacted');
        await docs.insertOne({ _id: 'n1', version: 1, count: 0 });
        const guarded = (version: number, ids: string[]) =>
          docs.updateOne(
            { _id: 'n1', version, causedBy: { $nin: ids } },
            { $inc: { version: 1 }, $push: { causedBy: { $each: [ids[0]!], $slice: -3 } } },
          );
        expect((await guarded(1, ['e1', 'key:k1'])).matchedCount).toBe(1);
        expect((await guarded(2, ['e2', 'e1'])).matchedCount).toBe(0);
        expect((await guarded(2, ['key:k1', 'e2'])).matchedCount).toBe(1);
        expect((await guarded(3, ['e3', 'key:k1'])).matchedCount).toBe(0);
        expect(await docs.findOne({ _id: 'n1' })).toEqual({
          _id: 'n1',
          version: 3,
          count: 0,
          causedBy: ['e1', 'key:k1'],
        });
      });
    });

    it('lets exactly one of 20 concurrent writers win a version check, 10 rounds in a row', async () => {
      const docs = db.collection<Aggregate>('contended');
      await docs.insertOne({ _id: 'c1', version: 0, state: 'open', outbox: [] });
      for (let round = 0; round < 10; round++) {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, writer) =>
            docs.updateOne(
              { _id: 'c1', version: round },
              { $set: { writer }, $inc: { version: 1 }, $push: { history: `r${round}w${writer}` } },
            ),
          ),
        );
        expect(results.filter((r) => r.matchedCount === 1)).toHaveLength(1);
        expect(results.filter((r) => r.matchedCount === 0)).toHaveLength(19);
        const doc = await docs.findOne({ _id: 'c1' });
        expect(doc?.version).toBe(round + 1);
        expect(doc?.history).toHaveLength(round + 1);
      }
    });

    it('hands out unique, contiguous numbers from 200 concurrent upserting $inc counters (returnDocument before)', async () => {
      const counters = db.collection<Counter>('counters');
      const values = await Promise.all(
        Array.from({ length: 200 }, async () => {
          const before = await counters.findOneAndUpdate(
            { _id: 'work-order' },
            { $inc: { seq: 1 } },
            { upsert: true, returnDocument: 'before' },
          );
          return (before?.seq ?? 0) + 1;
        }),
      );
      expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(await counters.findOne({ _id: 'work-order' })).toEqual({ _id: 'work-order', seq: 200 });
    });

    it('takes, takes over and forgets map entries by dotted path, conditional on a Date inside the entry (the gap-free counter)', async () => {
      type Reserved = {
        _id: string;
        value: number;
        reservations: Record<string, { holder: string; until: Date }>;
      };
      const counters = db.collection<Reserved>('reserved_counters');
      const until = new Date('2026-12-02T00:01:00.123Z');
      await counters.insertOne({ _id: 'r', value: 1, reservations: { n1: { holder: 'a', until } } });
      // The next number and its reservation in one conditional $set; a stale value matches nothing.
      const next = { holder: 'b', until };
      expect(
        (await counters.updateOne({ _id: 'r', value: 1 }, { $set: { value: 2, 'reservations.n2': next } }))
          .matchedCount,
      ).toBe(1);
      expect(
        (await counters.updateOne({ _id: 'r', value: 1 }, { $set: { value: 2, 'reservations.n3': next } }))
          .matchedCount,
      ).toBe(0);
      // A takeover filters on the entry as read (holder and Date); a second taker matches nothing.
      const same = { _id: 'r', 'reservations.n1.holder': 'a', 'reservations.n1.until': until };
      const taker = { holder: 'c', until: new Date(until.getTime() + 60_000) };
      expect((await counters.updateOne(same, { $set: { 'reservations.n1': taker } })).matchedCount).toBe(1);
      expect((await counters.updateOne(same, { $set: { 'reservations.n1': next } })).matchedCount).toBe(0);
      expect(
        (
          await counters.updateOne(
            { _id: 'r', 'reservations.n2.holder': 'b' },
            { $unset: { 'reservations.n2': '' } },
          )
        ).matchedCount,
      ).toBe(1);
      expect(await counters.findOne({ _id: 'r' })).toEqual({
        _id: 'r',
        value: 2,
        reservations: { n1: taker },
      });
    });

    it('$pull by condition removes exactly the named outbox events and leaves version alone', async () => {
      const docs = db.collection<Aggregate>('outbox');
      const outbox = ['e1', 'e2', 'e3', 'e4'].map((id) => ({ id, type: 'T' }));
      await docs.insertOne({ _id: 'o1', version: 7, state: 's', outbox });
      const result = await docs.updateOne(
        { _id: 'o1' },
        { $pull: { outbox: { id: { $in: ['e1', 'e3', 'e9'] } } } },
      );
      expect(result.modifiedCount).toBe(1);
      expect(await docs.findOne({ _id: 'o1' })).toEqual({
        _id: 'o1',
        version: 7,
        state: 's',
        outbox: [
          { id: 'e2', type: 'T' },
          { id: 'e4', type: 'T' },
        ],
      });
    });

    describe('queries over a listing', () => {
      const base = Date.UTC(2025, 0, 1);
      // 25 documents, created in groups of three sharing a timestamp, so the keyset must break ties by _id.
      const listing: Listed[] = Array.from({ length: 25 }, (_, i) => ({
        _id: `l${String(i).padStart(2, '0')}`,
        createdAt: new Date(base + Math.floor(i / 3) * 60_000),
        // Some end in 5678, some only contain it: the anchor must tell them apart.
        phone:
          i % 4 === 0 ? '+44 20 7946 5678' : i % 4 === 1 ? `+44 5678 ${1000 + i}` : `+44 20 7946 ${1000 + i}`,
        state: ['open', 'assigned', 'closed'][i % 3]!,
      }));
      let docs: mongoose.mongo.Collection<Listed>;

      beforeAll(async () => {
        docs = db.collection<Listed>('listing');
        await docs.insertMany(listing);
      });

      it('finds by _id $in', async () => {
        const found = await docs.find({ _id: { $in: ['l03', 'l17', 'missing'] } }).toArray();
        expect(found.map((d) => d._id).sort()).toEqual(['l03', 'l17']);
      });

      it('pages with sort + limit + keyset filter without gaps or repeats', async () => {
        const expected = [...listing]
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1))
          .map((d) => d._id);
        const seen: string[] = [];
        let cursor: Listed | undefined;
        for (let page = 0; page < 10; page++) {
          const filter: mongoose.mongo.Filter<Listed> = cursor
            ? {
                $or: [
                  { createdAt: { $lt: cursor.createdAt } },
                  { createdAt: cursor.createdAt, _id: { $lt: cursor._id } },
                ],
              }
            : {};
          const batch = await docs.find(filter).sort({ createdAt: -1, _id: -1 }).limit(7).toArray();
          if (batch.length === 0) break;
          seen.push(...batch.map((d) => d._id));
          cursor = batch[batch.length - 1];
        }
        expect(seen).toEqual(expected);
      });

      it('counts with a filter', async () => {
        expect(await docs.countDocuments({ state: 'open' })).toBe(
          listing.filter((d) => d.state === 'open').length,
        );
        expect(
          await docs.countDocuments({ state: 'open', createdAt: { $gte: new Date(base + 4 * 60_000) } }),
        ).toBe(
          listing.filter((d) => d.state === 'open' && d.createdAt.getTime() >= base + 4 * 60_000).length,
        );
      });

      it('matches an anchored suffix $regex on a string field', async () => {
        const expected = listing
          .filter((d) => d.phone.endsWith('5678'))
          .map((d) => d._id)
          .sort();
        expect(expected.length).toBeGreaterThan(0);
        // The pattern as a string (what the residents phone-suffix filter sends) and as a plain RegExp value.
        // Not `{ $regex: /5678$/ }` (a RegExp inside $regex): mongo-java-server 1.47 fails on that form
        // with "Illegal repetition"; real MongoDB accepts all three.
        const asString = await docs.find({ phone: { $regex: '5678$' } }).toArray();
        const asRegExp = await docs.find({ phone: /5678$/ }).toArray();
        expect(asString.map((d) => d._id).sort()).toEqual(expected);
        expect(asRegExp.map((d) => d._id).sort()).toEqual(expected);
      });

      it('aggregates $match + $group with $sum', async () => {
        const rows = await docs
          .aggregate<{ _id: string; count: number }>([
            { $match: { state: { $in: ['open', 'closed'] } } },
            { $group: { _id: '$state', count: { $sum: 1 } } },
          ])
          .toArray();
        const counts = Object.fromEntries(rows.map((r) => [r._id, r.count]));
        expect(counts).toEqual({
          open: listing.filter((d) => d.state === 'open').length,
          closed: listing.filter((d) => d.state === 'closed').length,
        });
      });

      it('pages with $match, $sort, $limit, then joins by $lookup (one field, and an array of ids)', async () => {
        // The residents' page of units with households and residents (repository/unit-page-join.ts).
        const households = db.collection<{
          _id: string;
          unitId: string;
          members: Array<{ residentId: string }>;
          outbox: Event[];
        }>('page_households');
        const people = db.collection<{ _id: string; name: string; outbox: Event[] }>('page_residents');
        await households.createIndex({ unitId: 1 }, { unique: true });
        await households.insertMany([
          {
            _id: 'h0',
            unitId: 'l24',
            members: [{ residentId: 'r1' }, { residentId: 'r2' }],
            outbox: [{ id: 'e1', type: 't' }],
          },
          { _id: 'h1', unitId: 'l21', members: [], outbox: [] },
        ]);
        await people.insertMany([
          { _id: 'r1', name: 'One', outbox: [] },
          { _id: 'r2', name: 'Two', outbox: [{ id: 'e2', type: 't' }] },
        ]);
        const rows = await docs
          .aggregate<{
            _id: string;
            household?: { _id: string; outbox?: unknown };
            people: Array<{ _id: string; outbox?: unknown }>;
          }>([
            { $match: { state: { $in: ['open', 'closed'] } } },
            { $sort: { createdAt: -1, _id: -1 } },
            { $limit: 3 },
            {
              $lookup: {
                from: 'page_households',
                localField: '_id',
                foreignField: 'unitId',
                as: 'households',
              },
            },
            { $addFields: { household: { $arrayElemAt: ['$households', 0] } } },
            { $addFields: { memberIds: { $ifNull: ['$household.members.residentId', []] } } },
            {
              $lookup: { from: 'page_residents', localField: 'memberIds', foreignField: '_id', as: 'people' },
            },
            { $project: { households: 0, memberIds: 0, 'household.outbox': 0, 'people.outbox': 0 } },
          ])
          .toArray();
        const newest = [...listing]
          .filter((d) => d.state !== 'assigned')
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1))
          .slice(0, 3)
          .map((d) => d._id);
        expect(rows.map((row) => row._id)).toEqual(newest);
        const byId = new Map(rows.map((row) => [row._id, row]));
        expect(byId.get('l24')?.household).toEqual({
          _id: 'h0',
          unitId: 'l24',
          members: [{ residentId: 'r1' }, { residentId: 'r2' }],
        });
        expect(
          byId
            .get('l24')
            ?.people.map((person) => person._id)
            .sort(),
        ).toEqual(['r1', 'r2']);
        expect(byId.get('l24')?.people.some((person) => 'outbox' in person)).toBe(false);
        expect(byId.get('l21')).toMatchObject({ household: { _id: 'h1', members: [] }, people: [] });
        expect(byId.get('l23')).toMatchObject({ people: [] });
        expect(byId.get('l23')?.household).toBeUndefined();
      });

      it('counts with skip and limit (the driver sends $match, $skip, $limit, $group)', async () => {
        const open = listing.filter((d) => d.state === 'open').length;
        expect(await docs.countDocuments({ state: 'open' }, { skip: 2 })).toBe(open - 2);
        expect(await docs.countDocuments({ state: 'open' }, { limit: 3 })).toBe(3);
        expect(await docs.countDocuments({ state: 'nobody' })).toBe(0);
      });

      // On the launcher, countDocuments and every pipeline that starts with $match read only what the
      // match selects, streamed through an index or the collection, so they run in bounded memory at any
      // size. The pipelines below do not start with $match: there the launcher, like upstream
      // mongo-java-server, loads the whole collection into memory first. The services issue none of
      // these on a large collection; keep it so, or put a $match first.
      it('aggregates without a leading $match ($group, $facet) load the whole collection on the launcher', async () => {
        const byState = await docs
          .aggregate<{ _id: string; n: number }>([
            { $group: { _id: '$state', n: { $sum: 1 } } },
            { $sort: { _id: 1 } },
          ])
          .toArray();
        expect(byState).toEqual(
          ['assigned', 'closed', 'open'].map((state) => ({
            _id: state,
            n: listing.filter((d) => d.state === state).length,
          })),
        );
        const [facets] = await docs
          .aggregate<{ total: Array<{ n: number }> }>([{ $facet: { total: [{ $count: 'n' }] } }])
          .toArray();
        expect(facets?.total).toEqual([{ n: listing.length }]);
      });
    });

    it("finds only documents with pending events via { 'outbox.0': { $exists: true } }", async () => {
      const docs = db.collection<Aggregate>('pending');
      await docs.insertMany([
        { _id: 'p1', version: 1, state: 's', outbox: [{ id: 'e1', type: 'T' }] },
        { _id: 'p2', version: 1, state: 's', outbox: [] },
        {
          _id: 'p3',
          version: 1,
          state: 's',
          outbox: [
            { id: 'e2', type: 'T' },
            { id: 'e3', type: 'T' },
          ],
        },
      ]);
      const pending = await docs.find({ 'outbox.0': { $exists: true } }).toArray();
      expect(pending.map((d) => d._id).sort()).toEqual(['p1', 'p3']);
    });

    it('has no multi-document transactions (the design never uses them)', async () => {
      // State and its outbox events live in one document and are written by one update, which is atomic
      // on every server we run; the relay is idempotent. So nothing needs a session or a transaction, and
      // mongo-java-server has none (the driver refuses: "Current topology does not support sessions").
      // On a real replica set transactions do work, so the assertion only applies elsewhere.
      const topology = await describeTopology(client);
      const docs = db.collection<{ _id: string }>('transactions');
      const session = client.startSession();
      try {
        const transaction = session.withTransaction(async () => {
          await docs.insertOne({ _id: 't1' }, { session });
        });
        if (topology.replicaSet) {
          await transaction;
        } else {
          await expect(transaction).rejects.toThrow();
          expect(await docs.findOne({ _id: 't1' })).toBeNull();
        }
      } finally {
        await session.endSession();
      }
    });
  });
}

/** `hello` where supported, else the legacy `isMaster` (mongo-java-server implements only the latter). */
async function describeTopology(client: mongoose.mongo.MongoClient): Promise<{ replicaSet: boolean }> {
  const admin = client.db('admin');
  let reply: mongoose.mongo.Document;
  try {
    reply = await admin.command({ hello: 1 });
  } catch {
    reply = await admin.command({ isMaster: 1 });
  }
  // A mongos ('isdbgrid') fronts replica sets, so it has transactions too.
  return { replicaSet: typeof reply.setName === 'string' || reply.msg === 'isdbgrid' };
}
