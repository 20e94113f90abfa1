import { Global, Inject, Injectable, Logger, Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { ApiMetrics } from './api-metrics';
import { boundedTemporalCall } from './temporal-unavailable';

/**
 * The one way the api calls Temporal for a request that waits on the answer (docs/ARCHITECTURE.md, "Bounded Temporal
 * calls"): at most TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS, then UNAVAILABLE with `extensions.retryable: true`, logged at
 * warn; so does a Temporal that answers UNAVAILABLE, DEADLINE_EXCEEDED or RESOURCE_EXHAUSTED. Other errors pass
 * unchanged (workflowRefusal, WorkflowNotFoundError, WorkflowExecutionAlreadyStartedError stay the caller's).
 */
@Injectable()
export class TemporalCalls {
  private readonly logger = new Logger('TemporalCalls');
  private readonly boundSeconds: number;

  constructor(
    private readonly client: Client,
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly metrics: ApiMetrics,
  ) {
    this.boundSeconds = config.temporalCallTimeoutSeconds;
  }

  /** `what` names the call in the log line (e.g. "submitReferral"); never a payload. */
  async run<T>(what: string, call: (client: Client) => Promise<T>): Promise<T> {
    const timer = this.metrics.temporalCallDuration.startTimer({ call: what });
    let outcome = 'error';
    try {
      const result = await boundedTemporalCall(this.client, this.boundSeconds, call, (why) => {
        outcome = 'unavailable';
        this.logger.warn(`${what}: Temporal unavailable or no answer within ${this.boundSeconds} s, answered UNAVAILABLE (${why})`);
      });
      outcome = 'ok';
      return result;
    } finally {
      timer({ outcome });
    }
  }
}

/** Provides TemporalCalls to every module: the referral and policy commands, the health check. */
@Global()
@Module({ providers: [TemporalCalls], exports: [TemporalCalls] })
export class TemporalCallsModule {}
