import { GraphQLError, parse, type OperationDefinitionNode } from 'graphql';
import { ApiMetrics } from '../common/api-metrics';
import { createGraphqlMetricsPlugin, INVALID_OPERATION, operationLabel } from './graphql-metrics.plugin';

// The real @tsunagu/persistence loads Nest, which jest cannot require (the error log plugin imports errorForLog).
jest.mock('@tsunagu/persistence', () => ({ errorForLog: (error: Error) => error.message }));

const operation = (document: string) => parse(document).definitions[0] as OperationDefinitionNode;

describe('operationLabel', () => {
  it('names the first root field, never the operation name or an alias', () => {
    expect(operationLabel(operation('mutation 山田太郎 { submitReferral(input: {}) { id } }'.replace('山田太郎', 'YamadaTaro')))).toBe(
      'submitReferral',
    );
    expect(operationLabel(operation('query Anything { mine: referrals { totalCount } me { id } }'))).toBe('referrals');
    expect(operationLabel(operation('{ ... on Query { me { id } } }'))).toBe('me');
  });

  it('has fixed names for introspection, a root of named fragments, and no operation', () => {
    expect(operationLabel(operation('{ __typename }'))).toBe('(introspection)');
    expect(operationLabel(operation('{ __schema { queryType { name } } }'))).toBe('(introspection)');
    expect(operationLabel(operation('{ ...Root }'))).toBe('(fragment)');
    expect(operationLabel(undefined)).toBe(INVALID_OPERATION);
  });
});

describe('the GraphQL metrics plugin', () => {
  it('times a request by its root field and counts its errors by the client’s code', async () => {
    const metrics = new ApiMetrics();
    const hooks = (await createGraphqlMetricsPlugin(metrics).requestDidStart!({} as never))!;
    await hooks.didResolveOperation!({ operation: operation('mutation X { addReferralNote(id: "1", note: " ") { id } }') } as never);
    await hooks.didEncounterErrors!({ errors: [new GraphQLError('x', { extensions: { code: 'BAD_USER_INPUT' } }), new GraphQLError('y')] } as never);
    await hooks.willSendResponse!({} as never);
    const text = await metrics.registry.metrics();
    expect(text).toContain('tsunagu_graphql_request_duration_seconds_count{service="api",operation="addReferralNote",type="mutation"} 1');
    expect(text).toContain('tsunagu_graphql_errors_total{operation="addReferralNote",code="BAD_USER_INPUT",service="api"} 1');
    expect(text).toContain('tsunagu_graphql_errors_total{operation="addReferralNote",code="INTERNAL_SERVER_ERROR",service="api"} 1');
  });

  it('labels a document that never resolved to an operation as invalid', async () => {
    const metrics = new ApiMetrics();
    const hooks = (await createGraphqlMetricsPlugin(metrics).requestDidStart!({} as never))!;
    await hooks.didEncounterErrors!({ errors: [new GraphQLError('x', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] } as never);
    await hooks.willSendResponse!({} as never);
    const text = await metrics.registry.metrics();
    expect(text).toContain('tsunagu_graphql_request_duration_seconds_count{service="api",operation="(invalid)",type="none"} 1');
    expect(text).toContain('tsunagu_graphql_errors_total{operation="(invalid)",code="GRAPHQL_PARSE_FAILED",service="api"} 1');
  });
});
