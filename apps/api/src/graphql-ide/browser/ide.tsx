// The GraphQL IDE of development and test modes: GraphiQL 4 from npm, bundled by scripts/build-graphql-ide.mjs into
// dist/apps/api/src/graphql-ide/assets/ and served from the api's own origin, so it works on a closed network (LGWAN)
// and under the api's Content-Security-Policy. Browser code: not compiled by tsc (no DOM or React types there).
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './ide.css';

const root = document.getElementById('graphiql')!;
const endpoint = root.dataset.endpoint ?? '/graphql';

// A plain same-origin POST: Apollo's CSRF check accepts application/json; the token goes in the headers editor.
const fetcher = async (params: unknown, options?: { headers?: Record<string, string> }) => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options?.headers },
    body: JSON.stringify(params),
    credentials: 'omit',
  });
  return response.json();
};

createRoot(root).render(
  createElement(GraphiQL, {
    fetcher,
    // The headers (a Bearer token) stay in this tab, not in localStorage.
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers',
    defaultQuery:
      '# Sign in, then put the token in the Headers tab below: { "Authorization": "Bearer <token>" }\n' +
      'mutation { login(email: "tier2@tsunagu.test", password: "tsunagu-demo") { token user { displayName } } }\n',
  }),
);
