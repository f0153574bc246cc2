// The in-process executor: replications run one at a time in the order asked, each after a turn of the event
// loop; the real model gives what runReplication gives; an injected runner gets the scenario; closed, it refuses.
import { describe, expect, it } from 'vitest';
import { InProcessExecutor, type ReplicationRunner } from '../../../src/experiment/runner/executor.js';
import { runReplication } from '../../../src/model/run.js';
import type { DailyResult } from '../../../src/model/results.js';
import { crossing, demand, scenario, stage } from '../../helpers/scenarios.js';
import { fakeRunner, fakeScenario } from '../../helpers/fake-results.js';

const job = (replication: number) => ({ seed: 5, replication, days: 4, warmupDays: 1 });

describe('InProcessExecutor', () => {
  it('runs the real model as runReplication does, daily rows beside the result', async () => {
    const s = scenario([crossing({ id: 'x', stages: [stage({ id: 'lane', classes: ['truck'] })], demand: [demand({ id: 'trucks', arrivals: 'poisson' })] })], { days: 4 });
    const executor = new InProcessExecutor();
    const [a, b] = await Promise.all([executor.run(s, job(2)), executor.run(s, job(1))]);
    const daily: DailyResult[] = [];
    const direct = runReplication(s, { ...job(2), onDay: (d) => void daily.push(d) });
    expect(a!.result).toEqual(direct);
    expect(a!.daily).toEqual(daily);
    expect(b!.result.replication).toBe(1);
  });

  it('runs an injected runner on the scenario, one replication at a time in the order asked', async () => {
    const s = fakeScenario([{ id: 'kyakhta', stages: ['customs'] }]);
    const inner = fakeRunner(['kyakhta']);
    const log: string[] = [];
    const runner: ReplicationRunner = (sc, o) => {
      expect(sc).toBe(s);
      log.push(`start ${o.replication}`);
      const r = inner(sc, o);
      log.push(`end ${o.replication}`);
      return r;
    };
    const executor = new InProcessExecutor(runner);
    const order: number[] = [];
    await Promise.all([3, 1, 2].map((r) => executor.run(s, job(r)).then((d) => void order.push(d.result.replication))));
    expect(log).toEqual(['start 3', 'end 3', 'start 1', 'end 1', 'start 2', 'end 2']);
    expect(order).toEqual([3, 1, 2]);
  });

  it('goes on after a replication that threw, and refuses to run once closed', async () => {
    const s = fakeScenario([{ id: 'kyakhta', stages: ['customs'] }]);
    const inner = fakeRunner(['kyakhta']);
    const executor = new InProcessExecutor((sc, o) => {
      if (o.replication === 1) throw new Error('replication 1 broke');
      return inner(sc, o);
    });
    const first = executor.run(s, job(1));
    const second = executor.run(s, job(2));
    await expect(first).rejects.toThrow('replication 1 broke');
    expect((await second).result.replication).toBe(2);
    await executor.close();
    await expect(executor.run(s, job(3))).rejects.toThrow(/closed/);
  });
});
