import { describeExamples } from "../../../scripts/doctest.ts";

describeExamples(new URL("../src/", import.meta.url));
