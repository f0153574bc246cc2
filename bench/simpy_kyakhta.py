#!/usr/bin/python3
"""SimPy twin of bench/kyakhta-only.yaml: the Kyakhta road crossing, written independently in SimPy.

This is the reference the project's owners chose for the speed issue (issue 16): Kyakhta written by hand in
SimPy 3 as a competent user would, kept outside the repository until then and copied here unchanged but for
this paragraph. It shares no code with bordersim; `npm run bench` times it
against `bordersim run bench/kyakhta-only.yaml` (CPU seconds, same replications and days), and
bench/compare_kyakhta.py checks that the two agree on every metric printed here.

usage: simpy_kyakhta.py [--replications N] [--days D] [--seed S] [--growth G]

Prints, per metric, the mean over replications ± the 95% CI half-width (Student t) and [low, high]:
arrivals, completed, approach wait mean and p95 (h), crossing time mean (h) for the crossing (all/all)
and per class (all/truck, all/car), and the utilisation of each stage. Definitions follow bordersim's
output/README.md. Standard library + SimPy 3 only (Debian python3-simpy3).

The model (kept to bordersim's semantics, src/model/*.ts):
- Trucks wait on the approach while the crossing is closed for them (the approach gate keeps the hours of
  their first compulsory stage, border-customs), then for a place in the zone (40 places). The approach
  wait ends when they take a place; they hold it through every stage until they leave.
- Cars hold no place and have no gate (their lanes are open 24 h): their approach wait ends when a car
  lane starts serving them.
- Stages are servers with opening hours. When servers go off shift the vehicle in service finishes
  (overtime) and no new one starts: at closing the shift process queues one "off-shift" request per
  server, ahead of every vehicle, on a PriorityResource; each takes its server as soon as it is free.
  At opening these are released and waiting vehicles start at once.
- Optional stages (X-ray 33%, inspection 3% of loaded, veterinary 5% of northbound loaded): each vehicle
  draws once per optional stage on arrival, selected when U < share.
- Demand: tonnes/year / payload / 365 (days of the year from the start date) = loaded trucks/day; empty
  returns 1 per loaded truck of the opposite flow; cars 150/day each way with monthly and hourly
  profiles (each scaled to mean 1; month factors scaled again so the first year averages exactly 1/day).
  Arrivals are a non-homogeneous Poisson process, generated here by thinning (Lewis-Shedler), an
  independent method from bordersim's inversion of the integrated rate.
- Utilisation = busy server-time within open hours / open server-time (overtime is not counted).
- p95 = the wait of rank floor(0.95·(n−1)) among the pooled waits (bordersim's rank rule, exact here).
Random numbers come from Python's Mersenne Twister, one stream per (seed, replication, name), not from
bordersim's seedrandom streams: the two agree in distribution, not draw for draw.
--growth G multiplies truck demand both ways (bordersim's demand.growth south = north = G).
"""
import argparse
import datetime
import math
import random
import statistics
import time

import simpy

DAY = 1440.0

# ------------------------------------------------------------------ the scenario (kyakhta-only.yaml)
START = datetime.date(2023, 1, 1)
DAYS_IN_FIRST_YEAR = (datetime.date(START.year + 1, START.month, START.day) - START).days  # 365
ALL_WEEK = frozenset(range(1, 8))  # ISO weekdays, 1 = Monday
ZONE_PLACES = 40                   # trucks hold a place from entering to leaving

TRUCK_HOURS = [(8 * 60, 20 * 60, ALL_WEEK)]  # (open min, close min, weekdays)
STAGES = [  # in order; id, classes, directions, cargo, share, servers, hours (None = 24 h), triangular (min, mode, max)
    dict(id='border-customs', classes={'truck'}, directions={'south', 'north'}, cargo={'loaded', 'empty'},
         share=1.0, servers=9, hours=TRUCK_HOURS, tri=(15, 20, 30)),
    dict(id='xray', classes={'truck'}, directions={'south', 'north'}, cargo={'loaded', 'empty'},
         share=0.33, servers=2, hours=[(9 * 60, 19 * 60, ALL_WEEK)], tri=(8, 10, 12)),
    dict(id='inspection', classes={'truck'}, directions={'south', 'north'}, cargo={'loaded'},
         share=0.03, servers=2, hours=[(9 * 60, 18 * 60, frozenset({1, 2, 3, 4, 5}))], tri=(60, 90, 180)),
    dict(id='veterinary', classes={'truck'}, directions={'north'}, cargo={'loaded'},
         share=0.05, servers=1, hours=TRUCK_HOURS, tri=(30, 60, 120)),
    dict(id='car-lanes', classes={'car'}, directions={'south', 'north'}, cargo={'loaded', 'empty'},
         share=1.0, servers=5, hours=None, tri=(4, 7, 12)),
]

CAR_MONTHLY = [0.6, 0.6, 0.7, 0.8, 1.0, 1.3, 1.7, 1.7, 1.2, 0.9, 0.7, 0.6]
CAR_HOURLY = [0.3] * 6 + [0.8] * 2 + [1.4] * 12 + [0.7] * 4
PAYLOAD_T = 20.0
LOADED_SOUTH_PER_DAY = 252450 / PAYLOAD_T / DAYS_IN_FIRST_YEAR
LOADED_NORTH_PER_DAY = 44550 / PAYLOAD_T / DAYS_IN_FIRST_YEAR
SOURCES = [  # id, direction, class, cargo, vehicles/day, profile (monthly, hourly) or None
    dict(id='loaded-south', direction='south', cls='truck', cargo='loaded', per_day=LOADED_SOUTH_PER_DAY, profile=None),
    dict(id='loaded-north', direction='north', cls='truck', cargo='loaded', per_day=LOADED_NORTH_PER_DAY, profile=None),
    dict(id='empty-north', direction='north', cls='truck', cargo='empty', per_day=1.0 * LOADED_SOUTH_PER_DAY, profile=None),
    dict(id='empty-south', direction='south', cls='truck', cargo='empty', per_day=1.0 * LOADED_NORTH_PER_DAY, profile=None),
    dict(id='cars-south', direction='south', cls='car', cargo='loaded', per_day=150.0, profile=(CAR_MONTHLY, CAR_HOURLY)),
    dict(id='cars-north', direction='north', cls='car', cargo='loaded', per_day=150.0, profile=(CAR_MONTHLY, CAR_HOURLY)),
]
ZONE_CLASSES = {'truck'}


def weekday_of_day(day):
    return (START + datetime.timedelta(days=day)).isoweekday()


def month_of_day(day):
    return (START + datetime.timedelta(days=day)).month - 1


def windows_on(hours, day):
    """Open windows (absolute minutes) of `hours` on simulation day `day`."""
    wd = weekday_of_day(day)
    return [(day * DAY + o, day * DAY + c) for (o, c, wds) in hours if wd in wds]


# ------------------------------------------------------------------ demand: NHPP by thinning
class Profile:
    """Rate (vehicles/min) of a source at time t: per day × month × hour factors, each scaled to mean 1."""

    def __init__(self, per_day, profile):
        self.per_min = per_day / DAY
        if profile is None:
            self.month = [1.0] * 12
            self.hour = [1.0] * 24
            self.scale = 1.0
        else:
            monthly, hourly = profile
            self.month = [w * 12 / sum(monthly) for w in monthly]
            self.hour = [w * 24 / sum(hourly) for w in hourly]
            # the first year from the start date carries per_day × its days on average
            s = sum(self.month[month_of_day(d)] for d in range(DAYS_IN_FIRST_YEAR))
            self.scale = DAYS_IN_FIRST_YEAR / s
        self.max_rate = self.per_min * self.scale * max(self.month) * max(self.hour)
        self.flat = profile is None

    def rate(self, t):
        day = int(t // DAY)
        hour = int((t - day * DAY) // 60)
        return self.per_min * self.scale * self.month[month_of_day(day)] * self.hour[hour]


# ------------------------------------------------------------------ crossing objects
class Stage:
    """Servers with opening hours: a PriorityResource whose servers are taken off shift by the shift process."""
    OFF_SHIFT, VEHICLE = -1, 0

    def __init__(self, env, spec, horizon):
        self.env, self.spec, self.id = env, spec, spec['id']
        self.servers = spec['servers']
        self.res = simpy.PriorityResource(env, capacity=self.servers)
        self.off_shift = []          # the shift's requests holding (or waiting for) servers while closed
        self.busy = 0                # vehicles in service (overtime included)
        self.cap = self.servers      # scheduled servers now
        self.last = 0.0
        self.open_server_min = 0.0
        self.busy_open_min = 0.0
        if spec['hours'] is not None:
            env.process(self.shift(horizon))

    def _accrue(self):
        now = self.env.now
        dt = now - self.last
        if dt > 0:
            self.open_server_min += self.cap * dt
            self.busy_open_min += min(self.busy, self.cap) * dt
            self.last = now

    def close(self):
        self._accrue()
        self.cap = 0
        # the vehicles in service finish; each server then goes to its off-shift request, before any vehicle
        self.off_shift = [self.res.request(priority=self.OFF_SHIFT) for _ in range(self.servers)]

    def open(self):
        self._accrue()
        self.cap = self.servers
        for req in self.off_shift:
            if req.triggered:
                self.res.release(req)
            else:
                req.cancel()
        self.off_shift = []

    def shift(self, horizon):
        env = self.env
        self.close()  # minute 0 is 00:00: closed until the first window opens (no 24 h stage has hours)
        day = 0
        while day * DAY < horizon:
            for (o, c) in windows_on(self.spec['hours'], day):
                yield env.timeout(o - env.now)
                self.open()
                yield env.timeout(c - env.now)
                self.close()
            day += 1

    def started(self):
        self._accrue()
        self.busy += 1

    def finished(self):
        self._accrue()
        self.busy -= 1

    def utilisation(self):
        self._accrue()
        return self.busy_open_min / self.open_server_min if self.open_server_min > 0 else 0.0


class Gate:
    """The approach gate: open during its hours; vehicles arriving while it is closed wait, in order, until it opens."""

    def __init__(self, env, hours, horizon):
        self.env = env
        self.is_open = False
        self.opened = env.event()
        env.process(self.run(hours, horizon))

    def run(self, hours, horizon):
        env = self.env
        day = 0
        while day * DAY < horizon:
            for (o, c) in windows_on(hours, day):
                yield env.timeout(o - env.now)
                self.is_open = True
                ev, self.opened = self.opened, env.event()
                ev.succeed()             # every waiting vehicle goes on now, in arrival order
                yield env.timeout(c - env.now)
                self.is_open = False
            day += 1


class Group:
    """Statistics of a direction × class group."""

    def __init__(self):
        self.arrivals = 0
        self.completed = 0
        self.waits = []
        self.crossing_sum = 0.0


class Crossing:
    def __init__(self, env, seed, rep, horizon, growth):
        self.env = env
        self.growth = growth
        self.horizon = horizon
        self.zone = simpy.Resource(env, capacity=ZONE_PLACES)
        self.stages = [Stage(env, s, horizon) for s in STAGES]
        self.groups = {}
        self.gates = {}
        for src in SOURCES:
            key = (src['direction'], src['cls'])
            self.groups.setdefault(key, Group())
            path = [st for st in self.stages
                    if src['direction'] in st.spec['directions'] and src['cls'] in st.spec['classes']
                    and src['cargo'] in st.spec['cargo'] and st.spec['share'] > 0]
            first = next((st for st in path if st.spec['share'] >= 1), path[0] if path else None)
            gate = None
            if first is not None and first.spec['hours'] is not None:
                gkey = (src['direction'], src['cls'], first.id)
                if gkey not in self.gates:
                    self.gates[gkey] = Gate(env, first.spec['hours'], horizon)
                gate = self.gates[gkey]
            streams = dict(
                arrivals=random.Random(f'{seed}:{rep}:kyakhta/{src["id"]}/arrivals'),
                select=random.Random(f'{seed}:{rep}:kyakhta/{src["id"]}/select'),
                service=[random.Random(f'{seed}:{rep}:kyakhta/{src["id"]}/{st.id}/service') for st in path],
            )
            env.process(self.source(src, path, gate, streams))

    def source(self, src, path, gate, streams):
        env = self.env
        # growth multiplies freight (trucks), as bordersim's demand.growth (the same factor both ways here)
        prof = Profile(src['per_day'] * (self.growth if src['cls'] == 'truck' else 1.0), src['profile'])
        rng = streams['arrivals']
        group = self.groups[(src['direction'], src['cls'])]
        holds_zone = src['cls'] in ZONE_CLASSES
        t = 0.0
        while True:
            t += rng.expovariate(prof.max_rate)
            if t >= self.horizon:
                return
            if prof.flat or rng.random() * prof.max_rate < prof.rate(t):
                yield env.timeout(t - env.now)
                # draws made on arrival: a service time per stage of the path, a selection per optional stage
                service = [r.triangular(st.spec['tri'][0], st.spec['tri'][2], st.spec['tri'][1])
                           for r, st in zip(streams['service'], path)]
                selected = [st.spec['share'] >= 1 or streams['select'].random() < st.spec['share'] for st in path]
                group.arrivals += 1
                env.process(self.vehicle(group, path, gate, holds_zone, service, selected))

    def vehicle(self, group, path, gate, holds_zone, service, selected):
        env = self.env
        arrived = env.now
        entered = False
        if gate is not None:
            while not gate.is_open:
                yield gate.opened
        zone_req = None
        if holds_zone:
            zone_req = self.zone.request()
            yield zone_req
            group.waits.append(env.now - arrived)
            entered = True
        for st, minutes, sel in zip(path, service, selected):
            if not sel:
                continue
            req = st.res.request(priority=Stage.VEHICLE)
            yield req
            if not entered:   # no zone place: the approach ends when the first (compulsory) stage starts
                group.waits.append(env.now - arrived)
                entered = True
            st.started()
            yield env.timeout(minutes)
            st.finished()
            st.res.release(req)
        if not entered:
            group.waits.append(env.now - arrived)
        if zone_req is not None:
            self.zone.release(zone_req)
        group.completed += 1
        group.crossing_sum += env.now - arrived


# ------------------------------------------------------------------ metrics
def quantile(sorted_values, q):
    """bordersim's rank rule: the value of rank floor(q·(n−1)) (its sketch is within 0.5% of it)."""
    if not sorted_values:
        return float('nan')
    return sorted_values[int(math.floor(q * (len(sorted_values) - 1)))]


def group_metrics(groups):
    arrivals = sum(g.arrivals for g in groups)
    completed = sum(g.completed for g in groups)
    waits = sorted(w for g in groups for w in g.waits)
    crossing = sum(g.crossing_sum for g in groups)
    return {
        'arrivals': arrivals,
        'completed': completed,
        'approach_wait_h_mean': (sum(waits) / len(waits) / 60) if waits else float('nan'),
        'approach_wait_h_p95': quantile(waits, 0.95) / 60,
        'crossing_time_h_mean': (crossing / completed / 60) if completed else float('nan'),
    }


GROUPS = [('all/all', lambda d, c: True), ('all/truck', lambda d, c: c == 'truck'), ('all/car', lambda d, c: c == 'car')]
GROUP_METRICS = ['arrivals', 'completed', 'approach_wait_h_mean', 'approach_wait_h_p95', 'crossing_time_h_mean']


def run_replication(seed, rep, days, growth=1.0):
    env = simpy.Environment()
    horizon = days * DAY
    cx = Crossing(env, seed, rep, horizon, growth)
    env.run(until=horizon)
    out = {}
    for name, pick in GROUPS:
        m = group_metrics([g for (d, c), g in cx.groups.items() if pick(d, c)])
        for k in GROUP_METRICS:
            out[(name, k)] = m[k]
    for st in cx.stages:
        out[('stage/' + st.id, 'utilisation')] = st.utilisation()
    return out


def t_quantile_975(df):
    """t(0.975, df) for integer df, from the exact closed form of Student's CDF (A&S 26.7.3-4), by bisection."""
    def two_sided(t):
        th = math.atan(t / math.sqrt(df))
        c2 = math.cos(th) ** 2
        if df % 2 == 1:
            s, term = 1.0, 1.0
            for k in range(1, (df - 1) // 2):
                term *= (2 * k) / (2 * k + 1) * c2
                s += term
            return (2 / math.pi) * (th + (math.sin(th) * math.cos(th) * s if df > 1 else 0.0))
        s, term = 1.0, 1.0
        for k in range(1, df // 2):
            term *= (2 * k - 1) / (2 * k) * c2
            s += term
        return math.sin(th) * s
    lo, hi = 0.0, 1000.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if two_sided(mid) < 0.95:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--replications', type=int, default=10)
    ap.add_argument('--days', type=int, default=365)
    ap.add_argument('--seed', type=int, default=2023)
    ap.add_argument('--growth', type=float, default=1.0, help='multiplies truck demand both ways (default 1)')
    args = ap.parse_args()
    t0 = time.perf_counter()
    reps = [run_replication(args.seed, r, args.days, args.growth) for r in range(1, args.replications + 1)]
    wall = time.perf_counter() - t0
    n = len(reps)
    tq = t_quantile_975(n - 1) if n > 1 else float('nan')
    print(f'simpy twin: kyakhta-only, {n} replications x {args.days} days, seed {args.seed}, truck growth {args.growth:g}')
    for key in reps[0]:
        vals = [r[key] for r in reps if not math.isnan(r[key])]
        mean = statistics.fmean(vals)
        half = tq * statistics.stdev(vals) / math.sqrt(len(vals)) if len(vals) > 1 else float('nan')
        print(f'metric {key[0]} {key[1]} mean={mean:.4f} half={half:.4f} low={mean - half:.4f} high={mean + half:.4f} n={len(vals)}')
    print(f'wall_s={wall:.3f}')


if __name__ == '__main__':
    main()
