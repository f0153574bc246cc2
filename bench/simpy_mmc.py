#!/usr/bin/python3
"""M/M/c reference model in SimPy: prints mean queue wait, served count, wall seconds.
usage: simpy_mmc.py LAMBDA MU C N_CUSTOMERS SEED

The yardstick of `npm run bench`'s engine benchmark (src/bench/mmc.ts is the same model on bordersim's
engine); the project's reference script, brought into the repository unchanged but for this paragraph."""
import random, sys, time
import simpy

lam, mu, c, n, seed = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rng = random.Random(seed)
waits = []

def customer(env, server):
    t0 = env.now
    with server.request() as req:
        yield req
        waits.append(env.now - t0)
        yield env.timeout(rng.expovariate(mu))

def source(env, server):
    for _ in range(n):
        yield env.timeout(rng.expovariate(lam))
        env.process(customer(env, server))

start = time.perf_counter()
env = simpy.Environment()
server = simpy.Resource(env, capacity=c)
env.process(source(env, server))
env.run()
wall = time.perf_counter() - start
print(f"engine=simpy served={len(waits)} mean_wait={sum(waits)/len(waits):.6f} wall_s={wall:.3f}")
