// The service targets Node 24 LTS; `npm test` must run on it even where the system Node is older
// (the node@24 devDependency puts its binary first on the PATH of npm scripts).
it('runs on Node 24', () => {
  expect(process.versions.node.split('.')[0]).toBe('24');
});
