// The usage example of the repository's README and of this package's README run as tests.
import { describeMarkdownExamples } from "../../../scripts/doctest.ts";

describeMarkdownExamples(new URL("../../../README.md", import.meta.url));
