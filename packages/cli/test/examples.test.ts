// Runs every JSDoc @example of this package's sources as a test (see scripts/doctest.ts).
import { describeExamples } from "../../../scripts/doctest.ts";

describeExamples(new URL("../src/", import.meta.url));
