import { defineProject } from "vitest/config";

// The repository's own tooling (the checks the test command runs) has tests too.
export default defineProject({ test: { name: "scripts", include: ["test/**/*.test.ts"] } });
