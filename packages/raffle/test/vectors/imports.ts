// What the vector generators and their tests import from the package source.
export { isOpsError } from "@ops/core";
export * from "../../src/index";
