import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

describe('generated files', () => {
  it('custom-elements.json, the JSX and Vue typings, the React wrappers and the README tables and snippets match the source', async () => {
    const { stale } = await executeServerCommand<{ stale: string[] }, undefined>('stale-generated-files');
    expect(stale, 'out of date: run `npm run generate`').to.deep.equal([]);
  }).timeout(30_000);
});
