// Every `$ bordersim compare …` example in its --help (src/commands/tree.ts) runs, shortened, with exit code 0
// (tests/helpers/help-examples.ts; compare's must also be like-for-like).
import { describeExamples } from '../helpers/help-examples.js';

await describeExamples('compare');
