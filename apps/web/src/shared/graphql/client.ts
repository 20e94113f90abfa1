// The one GraphQL client: same-origin POSTs with JSON bodies to /graphql. The session is the httpOnly cookie the api
// sets at sign-in (the browser sends it; no script ever holds a token). Always POST: a JSON POST is what Apollo's CSRF
// check lets through without a preflight-forcing header, and it keeps documents and variables out of URLs and logs.
import { Client, cacheExchange, fetchExchange } from 'urql';

export function createGraphqlClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    requestPolicy: 'cache-and-network',
  });
}
