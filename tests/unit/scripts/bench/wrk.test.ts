import { describe, expect, it } from 'vitest';
import { readWrkOutput } from '../../../../scripts/bench/wrk.ts';

const printed = (result: string, times: string) => `Running 20s test @ http://127.0.0.1:40123
  1 threads and 100 connections
Requests/sec:  18933.12
WRK-RESULT ${result}
0m0.004s 0m0.002s
${times}
`;

describe('reading what wrk printed', () => {
  const result = '{"requests":379342,"us":20035000,"non2xx":3,"socketErrors":1,"p50":4980,"p97_5":9361,"p99":13344,"max":74960}';

  it('gives latencies in milliseconds and the rate over the measured time', () => {
    const read = readWrkOutput(printed(result, '0m7.512s 0m2.209s'));
    expect(read).toMatchObject({ requests: 379_342, requestsPerSecond: 18_934, p50: 4.98, p97_5: 9.36, p99: 13.34, max: 74.96 });
  });

  it('counts answers outside 2xx and failed sockets apart', () => {
    expect(readWrkOutput(printed(result, '0m1.000s 0m0.000s'))).toMatchObject({ non2xx: 3, socketErrors: 1 });
  });

  it("takes the client's CPU from the children's line of `times`, not the shell's", () => {
    expect(readWrkOutput(printed(result, '1m7.500s 0m2.250s')).clientCpuSeconds).toBeCloseTo(69.75);
  });

  it('refuses output with no result line', () => {
    expect(() => readWrkOutput('unable to connect to 127.0.0.1:1 Connection refused\n')).toThrow('wrk printed no result');
  });
});
