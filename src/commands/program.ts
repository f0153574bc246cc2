// The bordersim command tree (commander): run, validate, schema here, the decision commands from tree.ts, with
// examples in --help; each command's implementation is loaded when it runs (--version and --help load neither the
// model nor the scenario loader). Maps every outcome
// to an exit code (0 done, 2 bad input, 1 failure while running, 130/143/129 interrupted by SIGINT/SIGTERM/SIGHUP). Uses only the context.
import { Command, CommanderError } from 'commander';
import type { ReplicationRunner } from '../experiment/runner/experiment.js';
import { InputError } from '../errors.js';
import { toolVersion } from '../output/runinfo.js';
import { ScenarioError } from '../scenario/errors.js';
import { type CommandContext, Interrupted } from './context.js';
import {
  addHorizonOptions, addOutputOptions, classChoice, classHelp, directionChoice, directionHelp, integer, integerAtLeast, integerBetween, MAX_REPLICATIONS, WORKERS_HELP,
} from './options.js';
import type { RunFlags } from './run.js';
import { registerCapacity, registerCompare, registerSweep, type RunnerSource } from './tree.js';

const RUN_EXAMPLES = `
Examples:
  $ bordersim run scenarios/baseline-2023.yaml
  $ bordersim run scenarios/baseline-2023.yaml --replications 30 --seed 42
  $ bordersim run scenarios/baseline-2023.yaml --days 90 --warmup-days 7 --out output/q1-test
  $ bordersim run scenarios/baseline-2023.yaml --from 2023-07-01 --to 2023-07-31 --out output/july
  $ bordersim run scenarios/baseline-2023.yaml --replications 2 --trace --quiet
  $ bordersim run scenarios/baseline-2023.yaml --replications 30 --workers 4
  $ bordersim run scenarios/baseline-2023.yaml --class truck --direction south
  $ bordersim run scenarios/baseline-2023.yaml --days 31 --decimal comma --no-report
  $ bordersim run scenarios/baseline-2023.yaml --precision 5% --replications 60

Files written (see output/README.md): summary.csv, replications.csv, stages.csv, daily.csv,
monthly.csv, hourly.csv, corridors.csv (the corridors' choices), vehicles.csv (with --trace), report.html (charts; --no-report skips it),
results.xlsx (the tables as an Excel workbook; --no-workbook) and run.json. An existing result folder is replaced only when the new
run is complete, and only if it holds nothing but the files its run.json lists (else exit 2, naming
them); a symlinked --out is followed. The end-of-run table shows freight and cars apart (--class and
--direction choose one group; the files always hold every group). Crossings that end the run unstable
or closed are named in a warning (stderr and run.json).`;

const VALIDATE_EXAMPLES = `
Examples:
  $ bordersim validate scenarios/baseline-2023.yaml
  $ bordersim validate scenarios/*.yaml
  $ bordersim validate --explain scenarios/baseline-2023.yaml

Exit code 0 when every file is valid, 2 otherwise.`;

const MERGE_EXAMPLES = `
Examples:
  $ bordersim run scenarios/baseline-2023.yaml --replications 40 --shard 0/4 --out shards/0   (… 1/4, 2/4, 3/4, anywhere)
  $ bordersim merge shards/0 shards/1 shards/2 shards/3 --out output/baseline

The result is the folder one run of 40 replications writes (the same CSV bytes). Shards of different scenarios,
seeds, horizons, replications, shard counts or bordersim versions, a missing or repeated shard and a shard that did
not finish are refused (exit 2), naming the folders.`;

const SCHEMA_EXAMPLES = `
Examples:
  $ bordersim schema > bordersim.schema.json
  (then, in a YAML file for the VS Code YAML extension:
   # yaml-language-server: $schema=./bordersim.schema.json)`;

const PROGRAM_EXAMPLES = `
Examples:
  $ bordersim run scenarios/baseline-2023.yaml
  $ bordersim validate scenarios/*.yaml
  $ bordersim run --help

Exit codes: 0 done, 2 bad input (scenario file or flags), 1 failure while running, 130 interrupted (Ctrl-C),
143 terminated (SIGTERM), 129 hung up (SIGHUP); an interrupted run leaves earlier results as they were.`;

function buildProgram(ctx: CommandContext, setExit: (code: number) => void, runner: RunnerSource): Command {
  const program = new Command('bordersim');
  program
    .description('Discrete-event simulation of freight and passenger traffic through the Russia–Mongolia border crossings')
    .version(toolVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.stdout(s), writeErr: (s) => ctx.stderr(s) })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', PROGRAM_EXAMPLES);

  const run = program
    .command('run')
    .description('run a scenario: replications, statistics with 95% confidence intervals, CSV files')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('-r, --replications <n>', "independent replications (default: the scenario's)", integerBetween(1, MAX_REPLICATIONS))
    .option('-s, --seed <s>', "base seed; replication r draws from streams of (seed, r) (default: the scenario's)", integer);
  addHorizonOptions(run, "the scenario's")
    .option('-o, --out <dir>', 'result folder (default: output/<scenario id>)')
    .option('--trace', 'also write vehicles.csv, one row per vehicle (large); runs the replications on one thread, in order (ignores --workers)')
    .option('--workers <n>', WORKERS_HELP, integerAtLeast(1))
    .option('-q, --quiet', 'no progress and no summary (warnings and errors still go to stderr)')
    .option('--shard <i/n>', 'run shard i (from 0) of n: a fixed slice of the replications, written as a shard folder (shard.jsonl.gz, run.json) for bordersim merge; e.g. a Slurm array task or a Kubernetes indexed job (see deploy/)')
    .option('--precision <target>', 'sequential replications: stop once the 95% CI half-width of a metric is within this share of its mean on every crossing with the group, e.g. "5%" (approach_wait_h_mean, freight) or "approach_wait_h_p95 10% truck south at kyakhta"; --replications is the most it runs (at least 3)')
    .option('--class <c>', classHelp('the end-of-run table shows', 'each crossing\'s freight (its trucks or trains) and cars apart'), classChoice)
    .option('--direction <d>', directionHelp('the end-of-run table shows'), directionChoice);
  addOutputOptions(run)
    .addHelpText('after', RUN_EXAMPLES)
    .action(async (file: string, opts: RunFlags & { shard?: string }) => {
      if (opts.shard !== undefined) {
        const { runShardCommand } = await import('./shard-run.js');
        await runShardCommand(file, { ...opts, shard: opts.shard }, ctx, await runner());
      } else {
        const { runCommand } = await import('./run.js');
        await runCommand(file, opts, ctx, await runner());
      }
      setExit(0);
    });

  program
    .command('merge')
    .description('join the shard folders of one run (run --shard i/n) or sweep (sweep --shard i/n) into the result folder of the whole')
    .argument('<dir...>', 'shard folders, every shard of the run once (any order)')
    .option('-o, --out <dir>', 'result folder (default: output/<scenario id>)')
    .option('-q, --quiet', 'no summary (warnings and errors still go to stderr)')
    .addHelpText('after', MERGE_EXAMPLES)
    .action(async (dirs: string[], opts: { out?: string; quiet?: boolean }) => {
      const { mergeCommand } = await import('./merge.js');
      await mergeCommand(dirs, opts, ctx);
      setExit(0);
    });

  program
    .command('validate')
    .description('check scenario files and print every problem of every file')
    .argument('<scenario...>', 'scenario files (YAML)')
    .option('--explain', "print each crossing's routes: every demand source's steps (gate, zone place, stages with their shares and servers)")
    .addHelpText('after', VALIDATE_EXAMPLES)
    .action(async (files: string[], opts: { explain?: boolean }) => {
      const { validateCommand } = await import('./validate.js');
      setExit(await validateCommand(files, ctx, opts.explain === true));
    });

  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors)')
    .addHelpText('after', SCHEMA_EXAMPLES)
    .action(async () => {
      const { schemaCommand } = await import('./schema.js');
      setExit(schemaCommand(ctx));
    });

  registerCompare(program, ctx, setExit, runner);
  registerSweep(program, ctx, setExit, runner);
  registerCapacity(program, ctx, setExit, runner);

  return program;
}

/** Prints a user-facing message for `err` and returns the exit code. */
function reportError(err: unknown, ctx: CommandContext): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2; // commander printed its message already
  if (err instanceof ScenarioError) {
    ctx.stderr(`bordersim: invalid scenario\n${err.message}\n`);
    return 2;
  }
  // Every other bad input (a flag, an output folder, a limit or a --set text) shares one base: exit 2.
  if (err instanceof InputError) {
    ctx.stderr(`bordersim: ${err.message}\n`);
    return 2;
  }
  if (ctx.signal?.aborted) {
    const reason: unknown = ctx.signal.reason;
    const [name, code] = reason instanceof Interrupted ? [reason.signalName, reason.exitCode] : ['SIGINT', 130];
    ctx.stderr(`bordersim: interrupted (${name}); earlier results were left as they were\n`);
    return code;
  }
  const message = err instanceof Error ? err.message : String(err);
  ctx.stderr(`bordersim: run failed: ${message}\n`);
  if (ctx.debug && err instanceof Error && err.stack) ctx.stderr(`${err.stack}\n`);
  else ctx.stderr('(set BORDERSIM_DEBUG=1 to see where)\n');
  return 1;
}

/**
 * Parses `argv` (as process.argv: node, script, args...) and runs the command; returns the exit code.
 * Never throws: errors are printed through ctx (no stack trace unless ctx.debug).
 */
export async function runProgram(argv: readonly string[], ctx: CommandContext, runner?: ReplicationRunner): Promise<number> {
  let exitCode = 0;
  // Commands and the model are loaded when a command runs, so --version and --help load neither.
  const source: RunnerSource = async () => runner ?? (await import('../model/run.js')).runReplication;
  try {
    await buildProgram(ctx, (code) => (exitCode = code), source).parseAsync([...argv]);
  } catch (err) {
    exitCode = reportError(err, ctx);
  }
  return exitCode;
}
