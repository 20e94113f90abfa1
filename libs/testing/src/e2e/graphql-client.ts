// A small GraphQL-over-HTTP client for the e2e tests: signs in like a form would and sends documents as JSON.
import { randomUUID } from 'node:crypto';

export interface GraphQLErrorShape {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; fields?: string[]; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

export class GraphQLSession {
  constructor(
    readonly url: string,
    readonly token: string | null,
    readonly userId: string | null = null,
  ) {}

  /** Sends one document; never throws on GraphQL errors, so tests can assert on them. */
  async send<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      // A lone surrogate in a variable goes out as its JSON escape ("\ud800"), as a browser would send it.
      body: JSON.stringify({ query, variables }),
      signal,
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...body };
  }

  /**
   * Like send, but gives up after `ms`: a request the api never answers comes back as status 0 with the code
   * CLIENT_TIMEOUT, so a test of something that used to hang fails instead of stalling the run.
   */
  async sendWithin<T = Record<string, any>>(query: string, variables: Record<string, unknown>, ms: number): Promise<GraphQLResponse<T>> {
    try {
      return await this.send<T>(query, variables, AbortSignal.timeout(ms));
    } catch (error) {
      if ((error as Error).name !== 'TimeoutError') throw error;
      return { status: 0, errors: [{ message: `no answer within ${ms} ms: the request hangs`, extensions: { code: 'CLIENT_TIMEOUT' } }] };
    }
  }

  /** Sends one document and returns its data, failing with the errors when there are any. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.send<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors ?? result)}`);
    }
    return result.data;
  }
}

export async function signIn(url: string, email: string, password: string): Promise<GraphQLSession> {
  const anonymous = new GraphQLSession(url, null);
  const data = await anonymous.data<{ login: { token: string; user: { id: string } } }>(
    `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }`,
    { email, password },
  );
  return new GraphQLSession(url, data.login.token, data.login.user.id);
}

/**
 * Signs in a user created by an administrator (createUser, resetUserPassword) as its owner would the first time: with
 * the temporary password, which allows nothing but me, changeMyPassword and signOut; then chooses a password of their
 * own and signs in again with it. Returns that session and the new password.
 */
export async function signInFirstTime(url: string, email: string, temporaryPassword: string): Promise<{ session: GraphQLSession; password: string }> {
  const temporary = await signIn(url, email, temporaryPassword);
  const password = `e2e ${randomUUID()}`;
  await temporary.data(`mutation P($current: String!, $next: String!) { changeMyPassword(currentPassword: $current, newPassword: $next) }`, {
    current: temporaryPassword,
    next: password,
  });
  return { session: await signIn(url, email, password), password };
}
