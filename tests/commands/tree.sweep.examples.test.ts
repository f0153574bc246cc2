// Every `$ bordersim sweep …` example in its --help (src/commands/tree.ts) runs, shortened, with exit code 0
// (tests/helpers/help-examples.ts).
import { describeExamples } from '../helpers/help-examples.js';

await describeExamples('sweep');
