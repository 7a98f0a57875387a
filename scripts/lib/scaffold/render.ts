import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface RenderedFile {
  /** Repository-relative path. */
  path: string;
  content: string;
}

export const TEMPLATE_SUFFIX = '.tmpl';

const replaceAll = (text: string, pairs: ReadonlyArray<readonly [string, string]>) =>
  pairs.reduce((result, [token, value]) => result.split(token).join(value), text);

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

/**
 * The template tree with every placeholder replaced, in paths and contents. Template files end
 * in `.tmpl` so the type checker and linters leave the placeholders alone; a placeholder left
 * over is a bug in the template and is refused.
 */
export function renderTemplate(
  templateDir: string,
  pairs: ReadonlyArray<readonly [string, string]>,
): RenderedFile[] {
  return filesUnder(templateDir)
    .filter((file) => file.endsWith(TEMPLATE_SUFFIX))
    .sort()
    .map((file) => {
      const path = replaceAll(relative(templateDir, file), pairs).slice(0, -TEMPLATE_SUFFIX.length);
      const content = replaceAll(readFileSync(file, 'utf8'), pairs);
      const leftover = /__(?!generated__)[A-Za-z_-]+__/.exec(`${path}\n${content}`);
      if (leftover) throw new Error(`${path}: unknown placeholder ${leftover[0]} in the template`);
      return { path, content };
    });
}
