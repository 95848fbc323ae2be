// Runs the README's checked examples (```ts blocks with `// =>` lines) as tests (see scripts/doctest.ts).
import { describeMarkdownExamples } from "../../../scripts/doctest.ts";

describeMarkdownExamples(new URL("../README.md", import.meta.url));
