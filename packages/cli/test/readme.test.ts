// Runs the README's checked examples (```ts blocks with a `// =>` line) as tests.
import { describeMarkdownExamples } from "../../../scripts/doctest.ts";

describeMarkdownExamples(new URL("../README.md", import.meta.url));
