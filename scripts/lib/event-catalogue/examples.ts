// A schema's `examples` are what the catalogue shows and what consumer tests replay, so each must
// be an event its producer could publish: valid against the closed (producer) form.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEventTypeFile, loadEventSchemas } from '@courtyard/kernel';

/** One line per invalid example (`<file> examples[<i>]: <problem>`); empty when all are valid. */
export function invalidExamples(directory: string): string[] {
  const registry = loadEventSchemas(directory, { closed: true });
  return readdirSync(directory)
    .filter(isEventTypeFile)
    .sort()
    .flatMap((file) => {
      const schema = JSON.parse(readFileSync(join(directory, file), 'utf8')) as { examples?: unknown[] };
      const examples = schema.examples ?? [];
      if (examples.length === 0) return [`${file}: no examples (the catalogue shows the first)`];
      return examples.flatMap((example, i) =>
        registry.validate(example).map((problem) => `${file} examples[${i}]: ${problem}`),
      );
    });
}
