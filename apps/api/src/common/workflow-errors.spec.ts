import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { GraphQLError } from 'graphql';
import { workflowRefusal } from './workflow-errors';

const refused = (failure: ApplicationFailure) => new WorkflowUpdateFailedError('Workflow Update failed', failure);

describe('workflowRefusal', () => {
  it('keeps a refusal’s code and message', () => {
    const error = workflowRefusal(refused(ApplicationFailure.create({ type: 'CONFLICT', message: 'already WITHDRAWN', nonRetryable: true })));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toBe('already WITHDRAWN');
    expect((error as GraphQLError).extensions).toEqual({ code: 'CONFLICT' });
  });

  it('names the field a workflow’s BAD_USER_INPUT gives in its details, and "input" when it gives none', () => {
    const named = workflowRefusal(
      refused(
        ApplicationFailure.create({ type: 'BAD_USER_INPUT', message: 'must be whole', nonRetryable: true, details: [{ field: 'businessDays' }] }),
      ),
    ) as GraphQLError;
    expect(named.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['businessDays'] });
    const unnamed = workflowRefusal(
      refused(ApplicationFailure.create({ type: 'BAD_USER_INPUT', message: 'bad', nonRetryable: true })),
    ) as GraphQLError;
    expect(unnamed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input'] });
  });

  it('passes anything else on unchanged (masked later as an internal error)', () => {
    const other = new Error('connection reset');
    expect(workflowRefusal(other)).toBe(other);
    const untyped = refused(ApplicationFailure.create({ type: 'SomethingElse', message: 'x' }));
    expect(workflowRefusal(untyped)).toBe(untyped);
  });
});

describe('workflowRefusal: a move not recorded', () => {
  it('keeps the code and gives the reason in extensions.reason', () => {
    const error = workflowRefusal(
      refused(
        ApplicationFailure.create({
          type: 'MOVE_NOT_RECORDED',
          message: 'The move was not recorded',
          nonRetryable: true,
          details: [{ reason: 'WRITE_REFUSED', sqlState: '22023' }],
        }),
      ),
    ) as GraphQLError;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({ code: 'MOVE_NOT_RECORDED', reason: 'WRITE_REFUSED' });
  });
});
