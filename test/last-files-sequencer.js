// Jest's own order (failed first, then slowest first), except that files named zz-* run after all others: they check
// what the whole run did (test/e2e/zz-mail-privacy.e2e-spec.ts reads every mail the suite caused).
/* eslint-disable @typescript-eslint/no-require-imports -- Jest loads this file as it is, CommonJS, untransformed. */
const Sequencer = require('@jest/test-sequencer').default;
const { basename } = require('node:path');

class LastFilesSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const last = (test) => basename(test.path).startsWith('zz-');
    const order = (list) => [...list.filter((test) => !last(test)), ...list.filter(last)];
    return Array.isArray(sorted) ? order(sorted) : sorted.then(order);
  }
}

module.exports = LastFilesSequencer;
