import type { ApolloServerPlugin } from '@apollo/server';
import { IDE_ASSETS_PATH } from './assets.js';

/**
 * The page a browser gets at GET /graphql: GraphiQL with a token field. The policy allows
 * scripts, styles and requests to this origin only, so the page cannot reach a CDN even by
 * accident; fonts and icons are inlined in GraphiQL's stylesheet.
 */
export const ideHtml = (): string => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'" />
    <title>Courtyard GraphQL IDE</title>
    <link rel="stylesheet" href="${IDE_ASSETS_PATH}/graphiql.css" />
    <link rel="stylesheet" href="${IDE_ASSETS_PATH}/ide.css" />
  </head>
  <body>
    <form id="token-bar" autocomplete="off">
      <label for="token">Bearer token</label>
      <input id="token" name="token" type="password" placeholder="npm run -s token -- --role GENERAL_MANAGER" />
      <button type="submit">Use token</button>
      <span id="token-state" role="status"></span>
    </form>
    <div id="graphiql">Loading the IDE…</div>
    <script src="${IDE_ASSETS_PATH}/react.js"></script>
    <script src="${IDE_ASSETS_PATH}/react-dom.js"></script>
    <script src="${IDE_ASSETS_PATH}/graphiql.js"></script>
    <script src="${IDE_ASSETS_PATH}/ide.js"></script>
  </body>
</html>
`;

/** Apollo's landing-page hook, answering GET /graphql from a browser with the IDE. */
export const graphiqlLandingPage = <TContext extends object>(): ApolloServerPlugin<TContext> => ({
  async serverWillStart() {
    const html = ideHtml();
    return {
      async renderLandingPage() {
        return { html };
      },
    };
  },
});
