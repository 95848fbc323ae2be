/**
 * The vitest projects of the monorepo: every package under packages/ (each has its own
 * vitest.config.ts), plus `scripts` for the tests of the repository's own checks.
 *
 * vitest 4 no longer reads this file by itself, so `vitest.config.ts` imports this list
 * and passes it to `test.projects`. A new package is picked up by the glob.
 */
export const projects: string[] = ["packages/*", "scripts"];

export default projects;
