#!/usr/bin/env node
// The benchmark command line (`npm run bench`: the suite; `... mmc ...`, `... scenario <file>`): parses flags with
// commander, runs a benchmark and prints its one-line report. The only file in src/bench that touches process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runMmc, formatMmcLine } from './mmc.js';
import { InputError } from '../errors.js';

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

/** Parses an integer ≥ 0; throws commander's InvalidArgumentError otherwise. */
function nonNegativeInteger(value: string): number {
  const x = Number(value);
  if (!(value.trim() !== '' && Number.isSafeInteger(x) && x >= 0)) throw new InvalidArgumentError(`must be an integer >= 0, got "${value}"`);
  return x;
}

/** The repository's root (this file is dist/bench/cli.js): the default reference scripts live in its bench/. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface SuiteFlags {
  sets: number;
  scenario: string;
  replications: number;
  simpy: string | false;
  python: string;
  kyakhtaSets: number;
  kyakhtaReplications: number;
  kyakhtaDays: number;
  lambda: number;
  mu: number;
  servers: number;
  customers: number;
  seed: number;
}

program
  .command('suite', { isDefault: true })
  .description(
    'the default: alternate the benchmarks, each in a fresh process, for several sets (same machine, same minute) and ' +
      'print every line, then the medians and the ratios: scenario events/s over engine events/s, SimPy wall over ' +
      'engine wall; then the Kyakhta pair (bordersim run against the SimPy twin, CPU seconds) and its ratio',
  )
  .option('--sets <n>', 'sets of the engine and scenario benchmarks (0: none)', nonNegativeInteger, 3)
  .option('--scenario <file>', 'scenario file of the scenario benchmark', 'scenarios/baseline-2023.yaml')
  .option('--replications <n>', 'replications of the scenario benchmark', positiveInteger, 10)
  .addOption(new Option('--simpy <script>', 'the SimPy M/M/c reference model').default(join(ROOT, 'bench/simpy_mmc.py'), 'bench/simpy_mmc.py'))
  .option('--no-simpy', 'leave SimPy out: no SimPy M/M/c run, no Kyakhta pair')
  .option('--python <exe>', 'python interpreter that imports simpy (Debian python3-simpy3: /usr/bin/python3)', '/usr/bin/python3')
  .option('--kyakhta-sets <n>', 'Kyakhta pairs: bordersim run bench/kyakhta-only.yaml, then bench/simpy_kyakhta.py (0: none)', nonNegativeInteger, 12)
  .option('--kyakhta-replications <n>', 'replications of each side of the Kyakhta pair', positiveInteger, 10)
  .option('--kyakhta-days <d>', 'simulated days of each side of the Kyakhta pair', positiveInteger, 365)
  .option('--lambda <perMin>', 'M/M/c arrival rate', positiveNumber, 3.6)
  .option('--mu <perMin>', 'M/M/c service rate of one server', positiveNumber, 1)
  .option('--servers <c>', 'M/M/c servers', positiveInteger, 4)
  .option('--customers <n>', 'M/M/c customers', positiveInteger, 1_000_000)
  .option('--seed <s>', 'M/M/c base seed', safeInteger, 1)
  .addHelpText(
    'after',
    '\nExamples:\n  npm run bench\n  npm run bench -- suite --sets 5 --kyakhta-sets 6\n  npm run bench -- suite --sets 0 --kyakhta-sets 12   # the Kyakhta pair alone\n',
  )
  .action(async (opts: SuiteFlags) => {
    if (opts.sets === 0 && (opts.kyakhtaSets === 0 || opts.simpy === false)) throw new InputError('nothing to run: --sets 0 and no Kyakhta pair (--kyakhta-sets 0 or --no-simpy)');
    const { runSuite, summariseSuite, formatSuiteSummary, simpyAvailable, missingSimpyNote } = await import('./suite.js');
    const print = (line: string): void => { process.stdout.write(line + '\n'); };
    const withSimpy = opts.simpy !== false && simpyAvailable(opts.python, runCommand);
    if (opts.simpy !== false && !withSimpy) process.stderr.write(missingSimpyNote(opts.python) + '\n');
    if (opts.sets > 0) {
      const suite = {
        sets: opts.sets,
        node: process.execPath,
        benchCli: fileURLToPath(import.meta.url),
        scenarioFile: opts.scenario,
        replications: opts.replications,
        mmc: { lambda: opts.lambda, mu: opts.mu, servers: opts.servers, customers: opts.customers, seed: opts.seed },
        simpy: withSimpy && opts.simpy !== false ? { python: opts.python, script: opts.simpy } : null,
      };
      print(formatSuiteSummary(summariseSuite(runSuite(suite, runCommand, print))));
    }
    if (opts.kyakhtaSets > 0 && withSimpy) await runKyakhtaPairs(opts, print);
  });

/** Runs the Kyakhta pair in a temporary result folder (removed afterwards) and prints its lines and summary. */
async function runKyakhtaPairs(opts: SuiteFlags, print: (line: string) => void): Promise<void> {
  const { runPairs, summarisePairs, formatPairSummary, describePairSummary } = await import('./pair.js');
  const tmp = mkdtempSync(join(tmpdir(), 'bordersim-bench-'));
  try {
    const pair = {
      sets: opts.kyakhtaSets,
      python: opts.python,
      cputimeScript: join(ROOT, 'bench/cputime.py'),
      simpyScript: join(ROOT, 'bench/simpy_kyakhta.py'),
      node: process.execPath,
      bordersimCli: join(ROOT, 'dist/cli.js'),
      scenarioFile: join(ROOT, 'bench/kyakhta-only.yaml'),
      replications: opts.kyakhtaReplications,
      days: opts.kyakhtaDays,
      outDir: join(tmp, 'kyakhta-only'),
    };
    const summary = summarisePairs(runPairs(pair, runCommand, print), pair);
    print(formatPairSummary(summary));
    print(describePairSummary(summary));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

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
  // A bad scenario file or flag is bad input (exit 2, the problems without a stack); anything else is a failure.
  const bad = err instanceof InputError;
  process.stderr.write(`bordersim-bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(bad ? 2 : 1);
}
