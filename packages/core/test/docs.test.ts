// The checked examples of docs/getting-started.md run as tests.
import { describeMarkdownExamples } from "../../../scripts/doctest.ts";

describeMarkdownExamples(new URL("../../../docs/getting-started.md", import.meta.url));
