import { Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addPoolGauges, OpsServer, PoolLike, startOpsServer } from '@tsunagu/observability';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { ApiMetrics } from '../common/api-metrics';

/**
 * Serves /metrics on its own listener (TSUNAGU_METRICS_PORT, bound to TSUNAGU_METRICS_HOST, 127.0.0.1 by default), not
 * on the api's port: the api's port faces the city's network, the metrics port only the operators' Prometheus.
 */
@Injectable()
class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: OpsServer | null = null;

  constructor(
    private readonly metrics: ApiMetrics,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // TypeORM's PostgreSQL driver keeps its pg Pool as `master`.
    addPoolGauges(this.metrics.registry, () => (this.db.driver as unknown as { master?: PoolLike }).master);
    const { port, host } = this.config.metrics;
    if (port === null) return;
    this.server = await startOpsServer({ host, port, registry: this.metrics.registry });
    this.logger.log(`api: metrics at ${this.server.url}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }
}

@Global()
@Module({ providers: [ApiMetrics, MetricsListener], exports: [ApiMetrics] })
export class MetricsModule {}
