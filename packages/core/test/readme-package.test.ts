// This package's README example runs as a test.
import { describeMarkdownExamples } from "../../../scripts/doctest.ts";

describeMarkdownExamples(new URL("../README.md", import.meta.url));
