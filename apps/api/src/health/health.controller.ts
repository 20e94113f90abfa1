import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TemporalCalls } from '../common/temporal-calls';

type Check = 'up' | 'down';

/**
 * The probes (docs/OPERATIONS.md, "Metrics and health"), on the api's own port: a load balancer or an orchestrator
 * reaches them where it reaches the api, and they tell nothing but up or down.
 * - GET /health/live: 200 while the process answers at all (restart it when this fails).
 * - GET /health/ready: 200 when PostgreSQL and Temporal are reachable, 503 naming what is down (send it no traffic).
 * - GET /health: the same as /health/ready, kept for docker/compose.yaml and older probes.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly temporal: TemporalCalls,
  ) {}

  @Get()
  @HttpCode(200)
  check(): Promise<{ status: 'ok'; postgres: 'up'; temporal: 'up' }> {
    return this.ready();
  }

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(200)
  async ready(): Promise<{ status: 'ok'; postgres: 'up'; temporal: 'up' }> {
    const [postgres, temporal] = await Promise.all([
      // Bounded like the Temporal check: a database that does not answer is down, not a probe that hangs.
      Promise.race([this.db.query('SELECT 1'), timeout(POSTGRES_CHECK_MS)]).then(up, down),
      this.temporal.run('health', (client) => client.workflowService.getSystemInfo({})).then(up, down),
    ]);
    if (postgres !== 'up' || temporal !== 'up') {
      throw new ServiceUnavailableException({ status: 'unavailable', postgres, temporal });
    }
    return { status: 'ok', postgres: 'up', temporal: 'up' };
  }
}

const POSTGRES_CHECK_MS = 3_000;
const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref());
const up = (): Check => 'up';
const down = (): Check => 'down';
