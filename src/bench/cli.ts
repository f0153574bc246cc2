#!/usr/bin/env node
// The benchmark command line (`npm run bench -- mmc ...`, `... scenario <file>`): parses flags with
// commander, runs a benchmark and prints its one-line report. The only file in src/bench that touches process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { runMmc, formatMmcLine } from './mmc.js';
import { ScenarioError } from '../scenario/errors.js';

/** Parses a finite number > 0; throws commander's InvalidArgumentError otherwise. */
function positiveNumber(value: string): number {
  const x = Number(value);
  if (!(Number.isFinite(x) && x > 0)) throw new InvalidArgumentError(`must be a number > 0, got "${value}"`);
  return x;
}

/** Parses an integer ≥ 1; throws commander's InvalidArgumentError otherwise. */
function positiveInteger(value: string): number {
  const x = Number(value);
  if (!(Number.isSafeInteger(x) && x >= 1)) throw new InvalidArgumentError(`must be an integer >= 1, got "${value}"`);
  return x;
}

/** Parses any safe integer (a seed); throws commander's InvalidArgumentError otherwise. */
function safeInteger(value: string): number {
  const x = Number(value);
  if (!(value.trim() !== '' && Number.isSafeInteger(x))) throw new InvalidArgumentError(`must be an integer, got "${value}"`);
  return x;
}

const program = new Command()
  .name('bordersim-bench')
  .description('Benchmarks of the bordersim discrete-event engine')
  .exitOverride((err) => {
    // Bad flags are bad input (exit 2); --help and --version are not errors.
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

program
  .command('mmc')
  .description('simulate an M/M/c queue until every customer is served and print one line of timings')
  .option('--lambda <perMin>', 'arrival rate (customers per minute)', positiveNumber, 3.6)
  .option('--mu <perMin>', 'service rate of one server (customers per minute)', positiveNumber, 1)
  .option('--servers <c>', 'number of servers', positiveInteger, 4)
  .option('--customers <n>', 'customers to simulate', positiveInteger, 1_000_000)
  .option('--seed <s>', 'base seed of the random streams', safeInteger, 1)
  .action((opts: { lambda: number; mu: number; servers: number; customers: number; seed: number }) => {
    const result = runMmc({ lambda: opts.lambda, mu: opts.mu, servers: opts.servers, customers: opts.customers, seed: opts.seed });
    process.stdout.write(formatMmcLine(result) + '\n');
  });

program
  .command('scenario')
  .description('run replications of a scenario file through the full model (no files written) and print one line')
  .argument('<file>', 'scenario file (YAML)')
  .option('--replications <n>', 'replications to run', positiveInteger, 1)
  .option('--days <d>', 'simulated days per replication (default: the scenario\'s)', positiveInteger)
  .option('--seed <s>', 'base seed (default: the scenario\'s)', safeInteger)
  .action(async (file: string, opts: { replications: number; days?: number; seed?: number }) => {
    // Loaded on demand: the model, YAML and zod would add ~0.1 s of start-up to every `mmc` run.
    const { benchScenario } = await import('./scenario.js');
    const override: { days?: number; seed?: number } = {};
    if (opts.days !== undefined) override.days = opts.days;
    if (opts.seed !== undefined) override.seed = opts.seed;
    process.stdout.write(benchScenario(file, opts.replications, override).line + '\n');
  });

program
  .command('suite')
  .description(
    'alternate the benchmarks, each in a fresh process, for several sets (same machine, same minute) and print ' +
      'every line, then the medians and the two ratios: scenario events/s over engine events/s, SimPy wall over engine wall',
  )
  .option('--sets <n>', 'sets to run', positiveInteger, 3)
  .option('--scenario <file>', 'scenario file of the scenario benchmark', 'scenarios/baseline-2023.yaml')
  .option('--replications <n>', 'replications of the scenario benchmark', positiveInteger, 10)
  .option('--simpy <script>', "the SimPy reference model (e.g. ../shared/bench/simpy_mmc.py); without it SimPy is left out")
  .option('--python <exe>', 'python interpreter with simpy installed', 'python3')
  .option('--lambda <perMin>', 'M/M/c arrival rate', positiveNumber, 3.6)
  .option('--mu <perMin>', 'M/M/c service rate of one server', positiveNumber, 1)
  .option('--servers <c>', 'M/M/c servers', positiveInteger, 4)
  .option('--customers <n>', 'M/M/c customers', positiveInteger, 1_000_000)
  .option('--seed <s>', 'M/M/c base seed', safeInteger, 1)
  .addHelpText('after', '\nExample:\n  npm run bench -- suite --sets 5 --simpy ../shared/bench/simpy_mmc.py --python /usr/bin/python3\n')
  .action(async (opts: { sets: number; scenario: string; replications: number; simpy?: string; python: string; lambda: number; mu: number; servers: number; customers: number; seed: number }) => {
    const { runSuite, summariseSuite, formatSuiteSummary } = await import('./suite.js');
    const suite = {
      sets: opts.sets,
      node: process.execPath,
      benchCli: fileURLToPath(import.meta.url),
      scenarioFile: opts.scenario,
      replications: opts.replications,
      mmc: { lambda: opts.lambda, mu: opts.mu, servers: opts.servers, customers: opts.customers, seed: opts.seed },
      simpy: opts.simpy ? { python: opts.python, script: opts.simpy } : null,
    };
    const sets = runSuite(suite, runCommand, (line) => process.stdout.write(line + '\n'));
    process.stdout.write(formatSuiteSummary(summariseSuite(sets)) + '\n');
  });

/** Runs one benchmark process and returns its output; throws with its error output when it fails. */
function runCommand(cmd: { program: string; args: string[] }): string {
  const r = spawnSync(cmd.program, cmd.args, { encoding: 'utf8' });
  if (r.error) throw new Error(`cannot run ${cmd.program}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${[cmd.program, ...cmd.args].join(' ')} failed (exit ${r.status}):\n${r.stderr.trim()}`);
  return r.stdout;
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // A bad scenario file is bad input (exit 2, the problems without a stack); anything else is a failure.
  const bad = err instanceof ScenarioError;
  process.stderr.write(`bordersim-bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(bad ? 2 : 1);
}
