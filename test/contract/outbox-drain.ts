import mongoose from 'mongoose';

const SYSTEM_DATABASES = new Set(['admin', 'local', 'config']);

/**
 * Waits until no document on the server still carries outbox events, so the topics hold every
 * event the suite caused before they are read. Returns what is still pending at the deadline
 * (a test may have killed a service on purpose); the caller reports it rather than failing.
 */
export async function waitForOutboxesToDrain(mongoUrl: string, timeoutMs: number): Promise<string[]> {
  const client = await mongoose.mongo.MongoClient.connect(mongoUrl);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pending = await pendingOutboxes(client);
      if (pending.length === 0 || Date.now() >= deadline) return pending;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.close();
  }
}

async function pendingOutboxes(client: mongoose.mongo.MongoClient): Promise<string[]> {
  const pending: string[] = [];
  const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
  for (const { name } of databases.filter((database) => !SYSTEM_DATABASES.has(database.name))) {
    const db = client.db(name);
    for (const { name: collection } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      const count = await db.collection(collection).countDocuments({ 'outbox.0': { $exists: true } });
      if (count > 0) pending.push(`${name}.${collection} (${count})`);
    }
  }
  return pending;
}
