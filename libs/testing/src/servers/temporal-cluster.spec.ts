import { TEMPORAL_SERVICES, TemporalServiceName, TemporalServicePorts, freeServicePort, temporalServerConfig } from './temporal-cluster';

async function ports(): Promise<Record<TemporalServiceName, TemporalServicePorts>> {
  const result = {} as Record<TemporalServiceName, TemporalServicePorts>;
  for (const name of TEMPORAL_SERVICES) result[name] = { grpc: await freeServicePort(), membership: await freeServicePort() };
  result.frontend.http = await freeServicePort();
  return result;
}

describe('the Temporal cluster config', () => {
  it('gives every service its own ports, all below 32768 (cluster_membership keeps them as SMALLINT)', async () => {
    const given = await ports();
    const all = Object.values(given).flatMap((p) => [p.grpc, p.membership, ...(p.http ? [p.http] : [])]);
    expect(new Set(all).size).toBe(all.length);
    for (const port of all) expect(port).toBeLessThan(32768);

    const yaml = temporalServerConfig({
      pg: new URL('postgres://u:p%40ss@127.0.0.1:5999/x'),
      ports: given,
      dynamicConfigFile: '/tmp/dc.yaml',
      logLevel: 'warn',
    });
    for (const name of TEMPORAL_SERVICES) {
      expect(yaml).toContain(`  ${name}:\n    rpc:\n      grpcPort: ${given[name].grpc}\n      membershipPort: ${given[name].membership}\n`);
    }
    expect(yaml).toContain(`rpcAddress: "127.0.0.1:${given.frontend.grpc}"`);
  });

  it('leaves out the sections that bind one fixed port in every process, and uses postgres12 on both databases', async () => {
    const yaml = temporalServerConfig({
      pg: new URL('postgres://u:p%40ss@127.0.0.1:5999/x'),
      ports: await ports(),
      dynamicConfigFile: '/tmp/dc.yaml',
      logLevel: 'warn',
    });
    expect(yaml).not.toMatch(/^\s*(metrics|pprof):/m);
    expect(yaml.match(/pluginName: postgres12/g)).toHaveLength(2);
    expect(yaml).toContain('databaseName: temporal\n');
    expect(yaml).toContain('databaseName: temporal_visibility\n');
    expect(yaml).toContain('password: "p@ss"');
    expect(yaml).toContain('numHistoryShards: 4');
  });
});
