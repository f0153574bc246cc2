// One base per kind of error: every bad-input error is an InputError (exit code 2, nothing written), every
// engine error an EngineError (a caller's bug, exit 1); the command line maps the bases, not a list of classes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../src/commands/program.js';
import { UsageError } from '../src/commands/context.js';
import { GroupChoiceError } from '../src/commands/group-flags.js';
import { SweepFlagError } from '../src/commands/set-flag.js';
import { EngineError } from '../src/engine/errors.js';
import { ScheduleSpecError } from '../src/engine/schedule.js';
import { ScheduleError } from '../src/engine/simulation.js';
import { TrajectoryError } from '../src/engine/trajectory.js';
import { InputError } from '../src/errors.js';
import { DateError } from '../src/model/clock.js';
import { RunOptionsError } from '../src/model/run.js';
import { DistError } from '../src/random/check.js';
import { CapacityInputError } from '../src/experiment/studies/capacity.js';
import { OutputFolderError } from '../src/output/folder.js';
import { ScenarioError } from '../src/scenario/errors.js';
import { context } from './helpers/context.js';
import { FIXTURES } from './helpers/paths.js';

const TINY = join(FIXTURES, 'cli-tiny.yaml');

describe('error bases', () => {
  it.each([
    ['ScenarioError', new ScenarioError([{ file: 'a.yaml', path: 'days', message: 'expected a number', value: 'x' }])],
    ['UsageError', new UsageError('--to 2023-13-01')],
    ['OutputFolderError', new OutputFolderError('out', 'not a result folder')],
    ['CapacityInputError', new CapacityInputError('--limit "x"')],
    ['GroupChoiceError', new GroupChoiceError('--class', 'bus', 'expected one of truck, car')],
    ['SweepFlagError', new SweepFlagError('--set a', 'no values')],
  ])('%s is bad input', (name, err) => {
    expect(err).toBeInstanceOf(InputError);
    expect(err.name).toBe(name);
  });

  it.each([
    ['ScheduleError', new ScheduleError('t < now')],
    ['TrajectoryError', new TrajectoryError('skip')],
    ['ScheduleSpecError', new ScheduleSpecError('servers')],
    ['DistError', new DistError(['mean: expected > 0'])],
    ['DateError', new DateError('not a calendar date')],
    ['RunOptionsError', new RunOptionsError('days')],
  ])('%s is an engine error, not bad input', (_name, err) => {
    expect(err).toBeInstanceOf(EngineError);
    expect(err).not.toBeInstanceOf(InputError);
  });

  it('the command line exits 2 for any InputError and names it, 1 for an engine error', async () => {
    const run = async (err: Error): Promise<{ code: number; err: string }> => {
      const { ctx, err: out } = context();
      const dir = mkdtempSync(join(tmpdir(), 'bordersim-errors-'));
      try {
        const code = await runProgram(['node', 'bordersim', 'run', TINY, '--quiet', '--out', join(dir, 'res')], ctx, () => {
          throw err;
        });
        return { code, err: out.join('') };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    // Thrown while running (here by the runner): bad input still exits 2, whichever subclass it is.
    const bad = await run(new GroupChoiceError('--class', 'bus', 'expected one of truck, car'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--class bus: expected one of truck, car');
    const engine = await run(new ScheduleError('cannot schedule in the past'));
    expect(engine.code).toBe(1);
    expect(engine.err).toMatch(/run failed: cannot schedule in the past/);
  });
});
