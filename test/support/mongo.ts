import mongoose from 'mongoose';

/** A direct look at a subgraph's database, to prove what was (not) written. */
export async function withDatabase<T>(
  database: string,
  use: (db: mongoose.mongo.Db) => Promise<T>,
): Promise<T> {
  const client = await mongoose.mongo.MongoClient.connect(process.env.MONGO_URL!);
  try {
    return await use(client.db(database));
  } finally {
    await client.close();
  }
}
