// Runs the checked examples of the package README (blocks with a `// =>` line).
import { describeMarkdownExamples } from "../../../scripts/doctest.ts";

describeMarkdownExamples(new URL("../README.md", import.meta.url));
