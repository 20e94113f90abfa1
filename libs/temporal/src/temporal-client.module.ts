import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { readDataKeys } from '@tsunagu/crypto';
import { tsunaguDataConverter } from './data-key-codec';
import { requestIdClientInterceptor } from './request-id-client-interceptor';
import { readTemporalConfig, TemporalConfig } from './temporal-config';

export const TEMPORAL_CONFIG = Symbol('TEMPORAL_CONFIG');

@Injectable()
class TemporalConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

/** Provides a Temporal Client, connected at start-up, to the api. */
@Global()
@Module({
  providers: [
    { provide: TEMPORAL_CONFIG, useFactory: (): TemporalConfig => readTemporalConfig(process.env) },
    {
      provide: Client,
      inject: [TEMPORAL_CONFIG],
      useFactory: async (config: TemporalConfig) => {
        const connection = await Connection.connect({ address: config.address });
        // Payloads (the submission with its personal data, update results, queries) are encrypted: data-key-codec.ts.
        // Each start, Update and signal carries the api request's id to the worker's logs (request-id-client-interceptor.ts).
        return new Client({
          connection,
          namespace: config.namespace,
          dataConverter: tsunaguDataConverter(readDataKeys(process.env)),
          interceptors: { workflow: [requestIdClientInterceptor()] },
        });
      },
    },
    TemporalConnectionCloser,
  ],
  exports: [Client, TEMPORAL_CONFIG],
})
export class TemporalClientModule {}
