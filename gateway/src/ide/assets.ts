import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

/** Where the IDE's files are served, on the gateway's own origin. */
export const IDE_ASSETS_PATH = '/ide';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const here = dirname(new URL(import.meta.url).pathname);

/**
 * Every file the IDE page loads, from the pinned npm packages (the UMD builds need no bundler)
 * and this folder: nothing comes from a CDN, so the IDE works offline and behind strict proxies.
 */
const FILES: Record<string, { path: string; type: string }> = {
  'react.js': { path: join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': {
    path: join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.js': { path: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { path: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'ide.js': { path: join(here, 'browser/ide.js'), type: 'text/javascript' },
  'ide.css': { path: join(here, 'browser/ide.css'), type: 'text/css' },
};

export function ideAssets(): Router {
  const router = express.Router();
  router.get('/:file', (req, res, next) => {
    const file = FILES[req.params.file];
    if (!file) return next();
    res.type(file.type);
    res.sendFile(file.path, { maxAge: '1h' });
  });
  return router;
}
