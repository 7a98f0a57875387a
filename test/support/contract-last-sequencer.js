// The contract tests (*.contract.int.spec.ts) check what every other integration test left on
// the topics, so they must run after all of them. Jest reads `testSequencer` only from the top
// level, so this sees every project's tests; it moves the contract tests to the end and keeps
// jest's own order for the rest. A path filter that leaves them out leaves them out.
import Sequencer from '@jest/test-sequencer';

const isContractTest = (test) => test.path.endsWith('.contract.int.spec.ts');

export default class ContractLastSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter((test) => !isContractTest(test)), ...sorted.filter(isContractTest)];
  }
}
