/**
 * A test that puts a deliberately broken message on a domain topic marks it with this Kafka
 * header, so readers of the whole topic (the event tap, the end-of-suite contract test) can tell
 * it from a real producer's mistake.
 */
export const POISON_HEADER = { name: 'x-courtyard-test', value: 'poison' } as const;

type HeaderValue = Buffer | string | Array<Buffer | string> | undefined;

export const isTestPoison = (headers: Record<string, HeaderValue> | undefined): boolean => {
  const value = headers?.[POISON_HEADER.name];
  return String(Array.isArray(value) ? value[0] : (value ?? '')) === POISON_HEADER.value;
};
