// The decision commands' flags, help and examples (compare, sweep, capacity), registered on the program; each
// command's implementation, and the model behind it, is loaded only when the command runs (a fast --help).
import type { Command } from 'commander';
import type { ReplicationRunner } from '../experiment/runner/experiment.js';
import { DEFAULT_CAPACITY_OPTIONS, MAX_EVALUATIONS, MIN_TOLERANCE } from '../experiment/studies/capacity.js';
import { classListText, FREIGHT_CLASSES } from '../experiment/studies/select.js';
import type { CapacityFlags } from './capacity.js';
import type { CompareFlags } from './compare.js';
import type { CommandContext } from './context.js';
import { addBatchOptions, classChoice, classHelp, classList, directionChoice, directionHelp, positiveNumber } from './options.js';
import type { SweepFlags } from './sweep.js';

/** The model's replication runner, loaded when a command first needs it (tests hand in their own). */
export type RunnerSource = () => Promise<ReplicationRunner>;

const COMPARE_HELP = `
Examples:
  $ bordersim compare scenarios/agreement-2027.yaml scenarios/agreement-2027-no-stage1.yaml
  $ bordersim compare scenarios/baseline-2023.yaml scenarios/mondy-9-lanes.yaml scenarios/naushki-stage1.yaml --replications 20 --seed 7 --out output/plans
  $ bordersim compare scenarios/baseline-2023.yaml scenarios/naushki-stage1.yaml --class train --direction south

Every scenario runs with the same seed and replications, so replication r of each sees the same arrivals
and draws wherever the scenarios agree (common random numbers); differences are paired per replication.
compare.csv: one row per plan × crossing × direction × class × metric (base and plan means, difference,
its 95% CI, % change, significant = the CI excludes 0); summary.csv: every scenario's own summary. The table
shows one group (--class, --direction; default all classes and directions). Plans that differ from the base
in start date, days, warm-up or set of crossings are not like-for-like: a warning names them (stderr and
run.json), as it does crossings that end a run unstable or closed.`;

/** Registers `compare` on the program; sets exit code 0 when done (errors propagate to cli.ts). */
export function registerCompare(program: Command, ctx: CommandContext, setExit: (code: number) => void, runner: RunnerSource): void {
  const cmd = program
    .command('compare')
    .description('paired comparison of plans with a base scenario (common random numbers, 95% CIs)')
    .argument('<base>', 'base scenario file (YAML)')
    .argument('<plan...>', 'plan scenario files (YAML), each compared with the base')
    .option('--class <c>', classHelp('the table shows', 'all'), classChoice)
    .option('--direction <d>', directionHelp('the table shows'), directionChoice);
  addBatchOptions(cmd, `output/compare-<base id>`)
    .addHelpText('after', COMPARE_HELP)
    .action(async (baseFile: string, planFiles: string[], opts: CompareFlags) => {
      const { compareCommand } = await import('./compare.js');
      await compareCommand(baseFile, planFiles, opts, ctx, await runner());
      setExit(0);
    });
}

const SWEEP_HELP = `
Examples:
  $ bordersim sweep scenarios/agreement-2027.yaml --set crossings.kyakhta.stages.inspection.servers=2,3,4 --class truck
  $ bordersim sweep scenarios/agreement-2027.yaml --set demand.growth.north=1..2:0.25 --set demand.growth.south=1.1,1.15

Paths use ids (crossings.<crossing id>.stages.<stage id>.<field>, demand.growth.south,
corridors.<corridor id>.crossings.<crossing id>.detourH, corridors.<corridor id>.foresight, ...). Values are lists
(2,4,6) or inclusive ranges (from..to:step). Several --set make a full factorial grid; every point runs with
the same seed and replications. sweep.csv: one row per point × crossing × direction × class × metric, with
one column per swept path; sweep-corridors.csv: corridors.csv's rows for every point. The table shows one group (--class, --direction; default all classes and
directions). Points whose crossings end unstable or closed get a warning (stderr and run.json).`;

/** Registers `sweep` on the program; sets exit code 0 when done (errors propagate to cli.ts). */
export function registerSweep(program: Command, ctx: CommandContext, setExit: (code: number) => void, runner: RunnerSource): void {
  const cmd = program
    .command('sweep')
    .description('run a factorial grid of scenario values (--set path=values)')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('--set <path=values>', 'a path and its values (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--shard <i/n>', 'run shard i (from 0) of n: a fixed slice of the grid points, written as a shard folder for bordersim merge (see deploy/)')
    .option('--class <c>', classHelp('the table shows', 'all'), classChoice)
    .option('--direction <d>', directionHelp('the table shows'), directionChoice);
  addBatchOptions(cmd, 'output/sweep-<scenario id>')
    .addHelpText('after', SWEEP_HELP)
    .action(async (file: string, opts: SweepFlags & { shard?: string }) => {
      if (opts.shard !== undefined) {
        const { sweepShardCommand } = await import('./sweep-shard.js');
        await sweepShardCommand(file, { ...opts, shard: opts.shard }, ctx, await runner());
      } else {
        const { sweepCommand } = await import('./sweep.js');
        await sweepCommand(file, opts, ctx, await runner());
      }
      setExit(0);
    });
}

const CAPACITY_HELP = `
Examples:
  $ bordersim capacity scenarios/agreement-2027.yaml --crossing kyakhta --limit "approach_wait_h_mean <= 4" --class truck --direction south
  $ bordersim capacity scenarios/agreement-2027.yaml --all --limit "approach_wait_h_mean <= 2" --class truck --replications 5
  $ bordersim capacity scenarios/baseline-2023.yaml --crossing naushki --limit "approach_wait_h_mean <= 6" --class train

The factor multiplies the crossing's demand of the --scale classes (default freight: trucks and trains, as
scenario growth does with demand.growthClasses; --scale all for every class, or a list such as truck,car) on
top of the scenario's own growth; 1 = the scenario as written. The crossing is simulated alone with the same
seed at every factor (common random numbers), with the corridor traffic whose fixed route it is, all of it
taking the crossing (none diverted to it or away: the capacity for the traffic it is meant for). The limit is on the mean over replications
of the metric for one group: --class and --direction (default freight in both directions: the crossing's
trucks or trains, since cars on their own lanes would dilute a mixed total; --class all for the whole crossing).
capacity.csv: the group, the scaled classes, the factor found (largest tested meeting the limit), the smallest
tested breaking it, the metric's 95% CI there (uncertain = the CI holds the limit: add replications), and the
stage with the highest utilisation (the bottleneck); capacity-steps.csv: every factor tried. A crossing still
unstable or closed at the factor found gets a warning (stderr and run.json).`;

/** Registers `capacity` on the program; sets exit code 0 when done (errors propagate to cli.ts). */
export function registerCapacity(program: Command, ctx: CommandContext, setExit: (code: number) => void, runner: RunnerSource): void {
  const cmd = program
    .command('capacity')
    .description('largest demand growth a crossing can take within a limit (bisection with replications)')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('-c, --crossing <id>', 'crossing to search')
    .option('-a, --all', 'search every crossing')
    .option('-l, --limit <text>', 'the limit, "<metric> <= <value>", e.g. "approach_wait_h_p95 <= 4"')
    .option('--tolerance <f>', `stop when the factor is known within this width (default ${DEFAULT_CAPACITY_OPTIONS.tolerance}, at least ${MIN_TOLERANCE}; at most ${MAX_EVALUATIONS} evaluations)`, positiveNumber)
    .option('--max-factor <f>', `largest factor tried (default ${DEFAULT_CAPACITY_OPTIONS.maxFactor})`, positiveNumber)
    .option('--class <c>', classHelp('the limit is on', 'freight'), classChoice)
    .option('--direction <d>', directionHelp('the limit is on'), directionChoice)
    .option('--shard <i/n>', 'search only shard i (from 0) of n of the crossings (in search order), into a shard folder for bordersim merge (see deploy/)')
    .option('--scale <classes>', `classes the factor multiplies: a comma list of truck, car, train, freight, all (default: freight = ${classListText(FREIGHT_CLASSES)}, as scenario growth)`, classList);
  addBatchOptions(cmd, 'output/capacity-<scenario id>')
    .addHelpText('after', CAPACITY_HELP)
    .action(async (file: string, opts: CapacityFlags) => {
      const { capacityCommand } = await import('./capacity.js');
      await capacityCommand(file, opts, ctx, await runner());
      setExit(0);
    });
}
