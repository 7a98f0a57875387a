/* global window, document, URL, React, ReactDOM, GraphiQL */
// Boots GraphiQL against this origin's /graphql. The token typed above the IDE becomes the
// Authorization header of every request, introspection included, so the schema (and its
// documentation) loads as soon as a token is set; it is kept in this browser's storage.
const STORAGE_KEY = 'courtyard:token';
const endpoint = new URL('/graphql', window.location.href).toString();
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
const input = document.getElementById('token');
const state = document.getElementById('token-state');

function render(token) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const fetcher = GraphiQL.createFetcher({ url: endpoint, headers });
  state.textContent = token ? 'token set' : 'no token: the gateway answers UNAUTHENTICATED';
  // A new key remounts GraphiQL, which introspects again with the new header.
  root.render(
    React.createElement(GraphiQL, {
      key: token || 'anonymous',
      fetcher,
      defaultQuery:
        '# Set a token above, then ask, e.g.\n{ properties(first: 5) { totalCount edges { node { code name } } } }\n',
    }),
  );
}

input.value = window.localStorage.getItem(STORAGE_KEY) || '';
document.getElementById('token-bar').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = input.value.trim().replace(/^Bearer\s+/i, '');
  window.localStorage.setItem(STORAGE_KEY, token);
  render(token);
});
render(input.value.trim());
