import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TemporalCalls } from '../common/temporal-calls';

/** GET /health: 200 when the api can reach PostgreSQL and Temporal, 503 naming what is down otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly temporal: TemporalCalls,
  ) {}

  @Get()
  @HttpCode(200)
  async check(): Promise<{ status: 'ok'; postgres: 'up'; temporal: 'up' }> {
    const [postgres, temporal] = await Promise.all([
      this.db.query('SELECT 1').then(
        () => 'up',
        () => 'down',
      ),
      this.temporal
        .run('health', (client) => client.workflowService.getSystemInfo({}))
        .then(
          () => 'up',
          () => 'down',
        ),
    ]);
    if (postgres !== 'up' || temporal !== 'up') {
      throw new ServiceUnavailableException({ status: 'unavailable', postgres, temporal });
    }
    return { status: 'ok', postgres: 'up', temporal: 'up' };
  }
}
