/**
 * The vitest projects of the monorepo: one per package.
 *
 * vitest 4 no longer reads this file by itself, so `vitest.config.ts` imports this list
 * and passes it to `test.projects`. Add a package here and its tests run; `scripts` holds
 * the tests of the repository's own checks.
 */
export const projects: string[] = [
  "packages/core",
  "packages/interaction",
  "packages/metrics",
  "packages/sla",
  "packages/raffle",
  "packages/feedback",
  "packages/community",
  "scripts",
];

export default projects;
